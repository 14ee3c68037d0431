package org.stocktake.support;

import java.nio.file.Path;

import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The app's own H2 URL (application.yml's datasource) for another file, so that a test or the
 * benchmark on an H2 file runs with exactly the options the app runs with; H2's TCP server off.
 */
public final class AppH2Url {

    private AppH2Url() {
    }

    public static String of(Path file) {
        return of(file, options());
    }

    /** An H2 URL for this file with these options: the app's, or the app's changed by a test. */
    public static String of(Path file, String options) {
        return "jdbc:h2:file:" + file.toAbsolutePath() + options;
    }

    /** The options of the app's URL, from its first ';'. */
    public static String options() {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String url = yaml.getObject().getProperty("spring.datasource.url");
        if (url == null || !url.startsWith("jdbc:h2:file:") || !url.contains(";")) {
            throw new IllegalStateException("application.yml's datasource is not an H2 file with options: " + url);
        }
        return url.substring(url.indexOf(';')).replace("${STOCKTAKE_H2_AUTO_SERVER:FALSE}", "FALSE");
    }
}
