package org.stocktake;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.stocktake.engine.EngineClock;
import org.stocktake.engine.EngineZone;
import org.stocktake.backup.DatabaseCommands;
import org.stocktake.imports.ImportCommand;

@SpringBootApplication
@ConfigurationPropertiesScan
public class StocktakeApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
            System.exit(runImportCommand(args));
        }
        if (args.length > 0 && DatabaseCommands.NAMES.contains(args[0])) {
            System.exit(DatabaseCommands.run(args, System.out, System.err));
        }
        SpringApplication.run(StocktakeApplication.class, args);
    }

    /**
     * {@code java -jar stocktake.jar import FILE}: the application without its web server and job
     * executor (the running nodes do the work), quiet but for the import's own output.
     */
    private static int runImportCommand(String[] args) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StocktakeApplication.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("camunda.bpm.job-execution.enabled=false", "logging.level.root=WARN",
                        // Camunda's REST API assumes a web server, which the command line does not start
                        "spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration")
                .run(args);
        int exitCode = context.getBean(ImportCommand.class).run(args, System.out, System.err);
        return SpringApplication.exit(context, () -> exitCode);
    }

    /** The one clock, the engine's, in the zone of {@code stocktake.zone} (London's for UK bodies). */
    @Bean
    Clock clock(@Value("${" + EngineZone.SETTING + "}") String zone) {
        return new EngineClock(EngineZone.parse(zone));
    }
}
