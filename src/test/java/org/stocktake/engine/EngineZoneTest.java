package org.stocktake.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
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
    void anUnknownZoneStopsTheStartSayingWhichSetting() {
        assertThatThrownBy(() -> new EngineZone().postProcessEnvironment(
                new MockEnvironment().withProperty("stocktake.zone", "Europe/Londres"), new SpringApplication()))
                .hasMessage("stocktake.zone is \"Europe/Londres\", which is not a time zone such as Europe/London");
        assertThat(TimeZone.getDefault()).isEqualTo(before);
    }
}
