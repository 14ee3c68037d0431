package org.stocktake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The application's JVM settings are written once in the pom (what `mvn spring-boot:run` and the
 * benchmark use) and repeated where the pom cannot reach: the Dockerfile and the operations guide.
 */
class RunSettingsTest {

    @Test
    void theDockerfileAndTheOperationsGuideRunTheJvmAsThePomDoes() throws IOException {
        Matcher inPom = Pattern.compile("<stocktake.jvm.options>([^<]+)</stocktake.jvm.options>").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(inPom.find()).as("the pom names the application's JVM settings").isTrue();
        String options = inPom.group(1);
        assertThat(options).contains("-Xmx");

        assertThat(Files.readString(Path.of("pom.xml"))).contains("<jvmArguments>${stocktake.jvm.options}</jvmArguments>",
                "<MALLOC_ARENA_MAX>2</MALLOC_ARENA_MAX>");
        assertThat(Files.readString(Path.of("docker", "Dockerfile"))).contains("JAVA_OPTS=\"" + options + "\"", "MALLOC_ARENA_MAX=2",
                "exec java $JAVA_OPTS -jar");
        assertThat(Files.readString(Path.of("docs", "operations.md"))).contains(options, "MALLOC_ARENA_MAX=2");
    }
}
