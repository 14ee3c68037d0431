package org.stocktake.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the engine's task query (Tasklist's lists and counts, stored filters, the REST
 * API's {@code /task}) checks the caller's authorizations task by task instead of joining them.
 * <p>
 * Camunda 7.24 joins the caller's authorization rows on {@code RESOURCE_ID_ in (task id, process
 * definition key, '*')}. PostgreSQL cannot hash a join on an {@code or}, so it compares each of an
 * organisation's open tasks with each of its per-task authorizations: at 100,000 open tasks an
 * organisation's lead waited half a second for the first page and its count (BENCHMARKS.md,
 * Optimisations). Here the same rows are looked up for each task through the index on
 * {@code RESOURCE_ID_}, and at most one is needed. The check itself is unchanged: the same
 * grants, users, groups, resource types and permissions, and the query's own where clause still
 * asks that one was found. Operaton and CIBSeven made the same change in their engines.
 * <p>
 * The statements are not copied into this repository: at start they are read from the engine's
 * own {@code Task.xml}, the join alone is replaced, and they are registered beside Camunda's
 * under names of their own. What replaces the join restates Camunda's two fragments that select
 * the caller's grants ({@code Authorization.xml}), which are checked at start against the text
 * this was written from. If an upgrade changes the join so that it is no longer found, or either
 * fragment, the engine refuses to start rather than keep a stale rule, and this class must be
 * read again. H2 plans Camunda's join well and is left as it is.
 */
@Component
class AuthorizedTaskQuery extends AbstractProcessEnginePlugin {

    static final String CAMUNDA_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
    static final String CAMUNDA_AUTHORIZATIONS = "org/camunda/bpm/engine/impl/mapping/entity/Authorization.xml";
    /** Not a class's name, which MyBatis would try to load as the mapper's interface. */
    static final String NAMESPACE = "stocktake.authorizedTaskQuery";
    static final String SUFFIX = "_authorizedPerTask";
    static final String LIST = "selectTaskByQueryCriteria";
    static final String COUNT = "selectTaskCountByQueryCriteria";

    private static final String TASK_ENTITY = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
    private static final String AUTHORIZATION_ENTITY = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";

    /**
     * The SHA-256 of Camunda 7.24's fragments that {@link #JOIN_PER_TASK} restates, whitespace
     * collapsed: the binds, and the grants of the user, of anyone and of the user's groups.
     */
    static final Map<String, String> RESTATED = Map.of(
            "authCheckJoinWithoutOnClause", "e071f48088db9097ee19b5d0fe54f88a196ca44f27e74badd7d0ae2b1dd11fdb",
            "authCheckJoinWithoutOnClauseWithBinding", "d3a6685caa2049222620bbb1698acdce0fb18c356bd96ade8d04b92adbf9ede5");

    /** Camunda's join, whitespace aside: its include emits "inner|left join (the caller's authorizations)". */
    private static final String CAMUNDA_JOIN = words(
            "<include refid=\"" + AUTHORIZATION_ENTITY + ".authCheckJoinWithoutOnClause\" />",
            "AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})");

    /**
     * The same rows as Camunda's join (its authCheckJoinWithoutOnClauseWithBinding), looked up for
     * one task: a grant to the user, to anyone or to one of the user's groups, for the task, its
     * process definition or every resource, with the permissions the query asks for.
     */
    private static final String JOIN_PER_TASK = """
            <choose><when test="authCheck.useLeftJoin">left join</when><otherwise>inner join</otherwise></choose> lateral (
              select A.RESOURCE_ID_ from ${prefix}ACT_RU_AUTHORIZATION A
              where A.RESOURCE_ID_ in (RES.ID_, D.KEY_, '*')
              and A.TYPE_ &lt; 2
              and (A.USER_ID_ in (#{authCheck.authUserId, jdbcType=VARCHAR}, '*')
                <if test="authCheck.authGroupIds != null &amp;&amp; authCheck.authGroupIds.size > 0">
                  or A.GROUP_ID_ in <foreach item="item" collection="authCheck.authGroupIds" open="(" separator="," close=")">#{item}</foreach>
                </if>)
              <bind name="atomicChecks" value="authCheck.permissionChecks.atomicChecks" />
              <bind name="disjunctive" value="authCheck.permissionChecks.disjunctive" />
              <include refid="%s.atomicChecksOnResourceTypeAndPerms" />
              limit 1
            ) AUTH on true""".formatted(AUTHORIZATION_ENTITY);

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        if (!DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
            return;
        }
        checkRestated(camunda(CAMUNDA_AUTHORIZATIONS));
        Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
        byte[] mapper = mapper(camunda(CAMUNDA_MAPPING)).getBytes(StandardCharsets.UTF_8);
        new XMLMapperBuilder(new ByteArrayInputStream(mapper), mybatis, NAMESPACE, mybatis.getSqlFragments()).parse();
        DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
        // the engine's map for a database is static and shared by every engine in the JVM: a copy
        Map<String, String> statements = sessions.getStatementMappings() == null ? new HashMap<>() : new HashMap<>(sessions.getStatementMappings());
        statements.put(LIST, LIST + SUFFIX);
        statements.put(COUNT, COUNT + SUFFIX);
        sessions.setStatementMappings(statements);
    }

    /**
     * Camunda's two task-query statements and the fragments they include, with the join replaced,
     * as a mapper of their own. Their names must differ from Camunda's: MyBatis finds a statement
     * by its short name only while that name is unique.
     */
    static String mapper(String camunda) {
        int from = camunda.indexOf("<select id=\"" + LIST + "\"");
        int fragment = camunda.indexOf("<sql id=\"selectTaskByQueryCriteriaSql\"");
        if (from < 0 || fragment < from) {
            throw changed(CAMUNDA_MAPPING, "its statement " + LIST + " followed by the fragment selectTaskByQueryCriteriaSql");
        }
        String statements = camunda.substring(from, camunda.indexOf("</sql>", fragment) + "</sql>".length());
        statements = once(statements, Pattern.quote("<select id=\"" + LIST + "\""), "<select id=\"" + LIST + SUFFIX + "\"");
        statements = once(statements, Pattern.quote("<select id=\"" + COUNT + "\""), "<select id=\"" + COUNT + SUFFIX + "\"");
        statements = once(statements, Pattern.quote("resultMap=\"taskResultMap\""), "resultMap=\"" + TASK_ENTITY + ".taskResultMap\"");
        statements = once(statements, CAMUNDA_JOIN, Matcher.quoteReplacement(JOIN_PER_TASK));
        return """
                <?xml version="1.0" encoding="UTF-8" ?>
                <!DOCTYPE mapper PUBLIC "-//mybatis.org//DTD Mapper 3.0//EN" "http://mybatis.org/dtd/mybatis-3-mapper.dtd">
                <mapper namespace="%s">
                %s
                </mapper>
                """.formatted(NAMESPACE, statements);
    }

    private static String once(String text, String regex, String replacement) {
        Matcher matcher = Pattern.compile(regex).matcher(text);
        int found = 0;
        while (matcher.find()) {
            found++;
        }
        if (found != 1) {
            throw changed(CAMUNDA_MAPPING, "\"" + regex + "\", found " + found + " times instead of once");
        }
        return matcher.replaceFirst(replacement);
    }

    /** Refuses a Camunda whose fragments of the grants' selection differ from those {@link #JOIN_PER_TASK} restates. */
    static void checkRestated(String authorizations) {
        RESTATED.forEach((id, expected) -> {
            int from = authorizations.indexOf("<sql id=\"" + id + "\">");
            String fragment = from < 0 ? "" : authorizations.substring(from, authorizations.indexOf("</sql>", from) + "</sql>".length());
            if (!expected.equals(sha256(String.join(" ", fragment.split("\\s+"))))) {
                throw changed(CAMUNDA_AUTHORIZATIONS, "its fragment " + id + (from < 0 ? " is gone" : " differs from 7.24's"));
            }
        });
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalStateException changed(String file, String what) {
        return new IllegalStateException("The engine's task query (" + file + ") has changed: " + what
                + ". Read " + AuthorizedTaskQuery.class.getName() + " again against the new version.");
    }

    /** The text's tokens as a pattern that allows any whitespace between them. */
    private static String words(String... parts) {
        return String.join("\\s*", Arrays.stream(String.join(" ", parts).split("\\s+")).map(Pattern::quote).toList());
    }

    static String camunda(String mapping) {
        try (InputStream in = ProcessEngineConfigurationImpl.class.getClassLoader().getResourceAsStream(mapping)) {
            if (in == null) {
                throw new IllegalStateException("The engine's " + mapping + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
