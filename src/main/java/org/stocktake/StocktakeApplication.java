package org.stocktake;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StocktakeApplication {

    public static void main(String[] args) {
        SpringApplication.run(StocktakeApplication.class, args);
    }

    /**
     * The clock our records are stamped with. Reviews are received and answered by UK bodies, so
     * "today" (a due date, a target date) is London's today.
     */
    @Bean
    Clock clock() {
        return Clock.system(ZoneId.of("Europe/London"));
    }
}
