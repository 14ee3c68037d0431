package org.stocktake.policy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.xml.ModelException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;
import org.stocktake.errors.FieldProblem;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Versions of the policies: the shipped ones deployed when none exists yet, and new ones from the
 * secretariat, tried before they are deployed.
 * <p>
 * The policies are deliberately not in the starter's auto-deployment with the process: that
 * deployment is redeployed whole whenever any of its files changes, and would put the shipped
 * table back over the secretariat's version at the next upgrade.
 * <p>
 * A new version must be a decision table with the policy's key and a history time to live, use
 * FEEL only (JUEL could call into the application, and scripts run code) in plain cells only
 * ({@link PlainPolicyCells}), and give a valid answer to every case the process can put to it.
 * Otherwise nothing is deployed and every problem is reported.
 */
@Service
@Order(Ordered.HIGHEST_PRECEDENCE)
class PolicyVersionService implements ApplicationRunner {

    static final String SOURCE = "Stocktake policies";
    /** The names the DMN engine takes for FEEL (as ExpressionEvaluationHandler does); anything else is refused. */
    private static final Set<String> FEEL = Set.of("feel", "http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");
    /** How many failing cases an answer lists; the count says how many there are in all. */
    private static final int CASES_REPORTED = 5;

    private static final Logger log = LoggerFactory.getLogger(PolicyVersionService.class);

    private final RepositoryService repository;
    /**
     * FEEL is all a policy may use, and the engine evaluates FEEL with this same default (Scala) FEEL
     * engine. Built when a new version is first tried, a rare act of the secretariat, rather than
     * at every start (a third of a second).
     */
    private final SingletonSupplier<DmnEngine> dmnEngine =
            SingletonSupplier.of(() -> DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine());

    PolicyVersionService(ProcessEngine engine) {
        this.repository = engine.getRepositoryService();
    }

    /** A version in force; {@code changed} only in the answer to a deployment: whether it made a new version. */
    record PolicyVersion(String key, String name, int version, String deploymentId, Instant deployedAt, Boolean changed) {
    }

    /**
     * Deploys the shipped policies that have never been deployed: a new installation's first start.
     * They are not tried first: PolicyTablesTest and PolicyApiTest cover them at build time.
     */
    @Override
    public void run(ApplicationArguments args) throws IOException {
        for (Policies.Policy policy : Policies.ALL) {
            if (latest(policy.key()) == null) {
                try (InputStream shipped = new ClassPathResource(policy.resource()).getInputStream()) {
                    PolicyVersion deployed = deployVersion(policy, shipped.readAllBytes());
                    log.info("Policy {} deployed from {}: version {}", policy.key(), policy.resource(), deployed.version());
                }
            }
        }
    }

    List<PolicyVersion> current() {
        return Policies.ALL.stream().map(policy -> describe(existing(policy.key()), null)).toList();
    }

    byte[] currentTable(String key) throws IOException {
        DecisionDefinition definition = existing(key);
        try (InputStream table = repository.getDecisionModel(definition.getId())) {
            return table.readAllBytes();
        }
    }

    /** Tries the table on every case and deploys it; the same table as the latest changes nothing. */
    PolicyVersion deploy(String key, byte[] table) {
        Policies.Policy policy = Policies.ALL.stream().filter(candidate -> candidate.key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no policy " + key + "; the policies are "
                        + Policies.ALL.stream().map(Policies.Policy::key).toList()));
        check(policy, table);
        return deployVersion(policy, table);
    }

    private PolicyVersion deployVersion(Policies.Policy policy, byte[] table) {
        DecisionDefinition before = latest(policy.key());
        repository.createDeployment().name(policy.key()).source(SOURCE).enableDuplicateFiltering(false)
                .addInputStream(policy.resource().substring(policy.resource().lastIndexOf('/') + 1), new ByteArrayInputStream(table))
                .deploy();
        DecisionDefinition after = latest(policy.key());
        return describe(after, before == null || !before.getId().equals(after.getId()));
    }

    private void check(Policies.Policy policy, byte[] table) {
        Document document = parseSafely(table);
        List<FieldProblem> problems = new ArrayList<>(nonFeelExpressions(document));
        problems.addAll(PlainPolicyCells.problems(document));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Decision decision = readModel(table).getModelElementById(policy.key());
        if (decision == null) {
            throw new InvalidInputException("decision", "the table must have a decision with the id " + policy.key());
        }
        if (decision.getCamundaHistoryTimeToLiveString() == null || decision.getCamundaHistoryTimeToLiveString().isBlank()) {
            throw new InvalidInputException("historyTimeToLive", "the decision must say how long its history is kept "
                    + "(camunda:historyTimeToLive, e.g. P1095D)");
        }
        DmnDecision parsed = parseDecision(policy.key(), table);
        List<String> failures = new ArrayList<>();
        for (Map<String, Object> inputs : policy.cases()) {
            try {
                policy.reading().apply(dmnEngine.obtain().evaluateDecision(parsed, inputs).getSingleResult());
            } catch (RuntimeException e) {
                failures.add(inputs + ": " + e.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            throw new InvalidInputException("rules", failures.size() + " of the " + policy.cases().size()
                    + " cases the process can ask get no valid answer, e.g. " + String.join("; ", failures.subList(0,
                    Math.min(CASES_REPORTED, failures.size()))));
        }
    }

    /** Parses without DOCTYPEs or external entities: the table comes from a request. */
    private static Document parseSafely(byte[] table) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(table));
        } catch (SAXException | IOException e) {
            throw new InvalidInputException("body", "is not a DMN file: " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static DmnModelInstance readModel(byte[] table) {
        try {
            return Dmn.readModelFromStream(new ByteArrayInputStream(table));
        } catch (ModelException e) {
            throw new InvalidInputException("body", "is not a valid DMN file: " + e.getMessage());
        }
    }

    private DmnDecision parseDecision(String key, byte[] table) {
        try {
            return dmnEngine.obtain().parseDecision(key, new ByteArrayInputStream(table));
        } catch (DmnEngineException e) {
            throw new InvalidInputException("decision", e.getMessage());
        }
    }

    private static List<FieldProblem> nonFeelExpressions(Document document) {
        List<FieldProblem> problems = new ArrayList<>();
        NodeList elements = document.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            Node language = element.getAttributeNode("expressionLanguage");
            if (language != null && !FEEL.contains(language.getNodeValue()) && !"feel".equalsIgnoreCase(language.getNodeValue())) {
                String id = element.getAttribute("id");
                problems.add(new FieldProblem(id.isEmpty() ? element.getLocalName() : id,
                        "uses the expression language " + language.getNodeValue() + "; policies are written in FEEL only"));
            }
        }
        return problems;
    }

    private DecisionDefinition latest(String key) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(key).latestVersion().singleResult();
    }

    private DecisionDefinition existing(String key) {
        DecisionDefinition definition = latest(key);
        if (definition == null) {
            throw new NotFoundException("There is no policy " + key);
        }
        return definition;
    }

    private PolicyVersion describe(DecisionDefinition definition, Boolean changed) {
        Instant deployedAt = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult()
                .getDeploymentTime().toInstant();
        return new PolicyVersion(definition.getKey(), definition.getName(), definition.getVersion(), definition.getDeploymentId(),
                deployedAt, changed);
    }
}
