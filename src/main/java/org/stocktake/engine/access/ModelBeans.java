package org.stocktake.engine.access;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.stocktake.lifecycle.RetiredFormContextListener;

/**
 * The beans the process models name in their expressions ({@code ${submissions.response(task)}}),
 * found by reading the models Stocktake deploys (and those its earlier versions deployed, which
 * may still run), and nothing else: what the engine's expressions
 * may reach. A model deployed later by hand that names another bean fails to resolve it. The beans
 * are looked up when an expression first asks, since they need the engine this map configures.
 */
final class ModelBeans extends AbstractMap<Object, Object> {

    /** The models whose expressions name beans: those Stocktake deploys. */
    static final String MODELS = "classpath*:bpmn/*.bpmn";
    /** Beans that models deployed before, and perhaps still running, name but the current ones no longer do. */
    static final Set<String> RETIRED = Set.of(RetiredFormContextListener.NAME);
    /** The first name of an expression such as ${submissions.response(task)} or #{remindOwner}. */
    private static final Pattern FIRST_NAME = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_][A-Za-z0-9_]*)");

    private final Set<String> names;
    private final ListableBeanFactory beans;

    private ModelBeans(Set<String> names, ListableBeanFactory beans) {
        this.names = names;
        this.beans = beans;
    }

    static ModelBeans of(ResourcePatternResolver models, ListableBeanFactory beans) {
        Set<String> names = new TreeSet<>(RETIRED);
        try {
            for (Resource model : models.getResources(MODELS)) {
                try (InputStream content = model.getInputStream()) {
                    Matcher expression = FIRST_NAME.matcher(new String(content.readAllBytes(), StandardCharsets.UTF_8));
                    while (expression.find()) {
                        names.add(expression.group(1));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the process models " + MODELS, e);
        }
        // the first name of an expression is a bean or a process variable; only beans are kept
        names.removeIf(name -> !beans.containsBean(name));
        return new ModelBeans(Set.copyOf(names), beans);
    }

    Set<String> names() {
        return names;
    }

    @Override
    public boolean containsKey(Object key) {
        return names.contains(key);
    }

    @Override
    public Object get(Object key) {
        return names.contains(key) ? beans.getBean((String) key) : null;
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
        return names.stream().map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, beans.getBean(name)))
                .collect(Collectors.toSet());
    }
}
