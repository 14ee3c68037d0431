package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TimeZone;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** One setting gives the zone of the engine's timers as well as of the clock. */
class EngineZoneTest {

    final TimeZone before = TimeZone.getDefault();

    @AfterEach
    void restore() {
        TimeZone.setDefault(before);
    }

    @Test
    void theSettingBecomesTheJvmsDefaultZoneInWhichTheEngineAddsPeriods() {
        new EngineZone().postProcessEnvironment(new MockEnvironment().withProperty("stocktake.zone", "Europe/Belfast"),
                new SpringApplication());
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(ZoneId.of("Europe/Belfast"));
    }

    @Test
    void aFixedOffsetOtherThanUtcStopsTheStartButUtcInAnyFormIsAZone() {
        assertThatThrownBy(() -> EngineZone.parse("+01:00"))
                .hasMessage("stocktake.zone is \"+01:00\", a fixed offset: give a region such as Europe/London, or UTC");
        assertThatThrownBy(() -> EngineZone.parse("GMT+1")).hasMessageContaining("a fixed offset");
        assertThat(List.of("UTC", "Z", "GMT", "Etc/UTC")).allSatisfy(utc -> assertThat(EngineZone.parse(utc).normalized()).isEqualTo(ZoneOffset.UTC));
    }

    @Test
    void anUnknownZoneStopsTheStartSayingWhichSetting() {
        assertThatThrownBy(() -> new EngineZone().postProcessEnvironment(
                new MockEnvironment().withProperty("stocktake.zone", "Europe/Londres"), new SpringApplication()))
                .hasMessage("stocktake.zone is \"Europe/Londres\", which is not a time zone such as Europe/London");
        assertThat(TimeZone.getDefault()).isEqualTo(before);
    }
}
