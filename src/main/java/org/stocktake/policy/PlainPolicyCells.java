package org.stocktake.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.stocktake.errors.FieldProblem;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The shapes a policy table's cells may take: those of the shipped tables, whatever else the FEEL
 * engine could evaluate. The FEEL engine Camunda 7.24 ships (feel-engine 1.19.3) has a published
 * remote-code-execution flaw fixed only in versions not on Maven Central (docs/operations.md), and
 * the secretariat uploads tables, so no cell is handed to it unless it is one of these:
 * <ul>
 * <li>an input's expression: the name of the value the process passes, e.g. {@code daysOverdue};</li>
 * <li>a rule's input entry (and an input's allowed values): empty or {@code -}, or a list of
 * strings, numbers, {@code true}/{@code false}, comparisons such as {@code >= 7} and ranges such as
 * {@code [1..5]}, perhaps inside {@code not(...)};</li>
 * <li>a rule's output entry (and an output's allowed values or default): empty, or a string, a
 * number or {@code true}/{@code false}.</li>
 * </ul>
 * Any other text in a table, and any decision logic but a decision table, is refused, naming where.
 */
final class PlainPolicyCells {

    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final String LITERAL = "(?:\"[^\"\\\\]*\"|" + NUMBER + "|true|false)";
    private static final String TEST = "(?:" + LITERAL + "|(?:<|<=|>|>=)\\s*" + NUMBER + "|[\\[\\](]\\s*" + NUMBER + "\\s*\\.\\.\\s*" + NUMBER + "\\s*[\\[\\])])";
    private static final String TESTS = TEST + "(?:\\s*,\\s*" + TEST + ")*";
    private static final Pattern UNARY_TESTS = Pattern.compile("|-|" + TESTS + "|not\\(\\s*" + TESTS + "\\s*\\)");
    private static final Pattern OUTPUT = Pattern.compile("|" + LITERAL);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** Decision logic other than a decision table, and the parts of a model that carry logic of their own. */
    private static final Set<String> OTHER_LOGIC = Set.of("literalExpression", "context", "invocation", "functionDefinition", "relation",
            "list", "businessKnowledgeModel", "decisionService", "conditional", "filter", "iterator", "every", "some", "for");

    private PlainPolicyCells() {
    }

    static List<FieldProblem> problems(Document table) {
        List<FieldProblem> problems = new ArrayList<>();
        NodeList elements = table.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < elements.getLength(); i++) {
            Element element = (Element) elements.item(i);
            if (OTHER_LOGIC.contains(element.getLocalName())) {
                problems.add(new FieldProblem(where(element), "a policy is a decision table of plain cells; " + element.getLocalName()
                        + " is not allowed"));
            }
            if ("text".equals(element.getLocalName())) {
                check(element, problems);
            }
        }
        return problems;
    }

    private static void check(Element text, List<FieldProblem> problems) {
        Element cell = (Element) text.getParentNode();
        String value = text.getTextContent().strip();
        Pattern shape = switch (cell.getLocalName()) {
            case "inputExpression" -> NAME;
            case "inputEntry", "inputValues" -> UNARY_TESTS;
            case "outputEntry", "outputValues", "defaultOutputEntry" -> OUTPUT;
            default -> null;
        };
        if (shape == null || !shape.matcher(value).matches()) {
            problems.add(new FieldProblem(where(cell), "`" + value + "` is not " + expected(cell.getLocalName())
                    + "; a policy's cells hold plain values only"));
        }
    }

    private static String expected(String cell) {
        return switch (cell) {
            case "inputExpression" -> "the plain name of an input, such as daysOverdue";
            case "inputEntry", "inputValues" -> "empty, or plain values such as \"PFD_REPORT\", >= 7, [1..5] or not(\"RED_RATING\")";
            case "outputEntry", "outputValues", "defaultOutputEntry" -> "empty, or a plain value such as \"HIGH\", 12 or true";
            default -> "a cell of a decision table";
        };
    }

    /** Where in the table: "rule 3 (Rule_Id), column 2 (Days overdue)", or the element's id. */
    private static String where(Element cell) {
        Node parent = cell.getParentNode();
        if (parent instanceof Element rule && "rule".equals(rule.getLocalName())) {
            int column = 1;
            for (Node sibling = cell.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
                if (sibling instanceof Element previous && previous.getLocalName().equals(cell.getLocalName())) {
                    column++;
                }
            }
            int row = 1;
            for (Node sibling = rule.getPreviousSibling(); sibling != null; sibling = sibling.getPreviousSibling()) {
                if (sibling instanceof Element previous && "rule".equals(previous.getLocalName())) {
                    row++;
                }
            }
            String kind = "inputEntry".equals(cell.getLocalName()) ? "input" : "output";
            return "rule " + row + " (" + rule.getAttribute("id") + "), " + kind + " " + column + " ("
                    + columnLabel(rule, cell.getLocalName(), column) + ")";
        }
        String id = cell.getAttribute("id");
        return id.isEmpty() && parent instanceof Element owner ? owner.getAttribute("id") + " " + cell.getLocalName() : id;
    }

    /** The label of a table's input or output column, counted from 1. */
    private static String columnLabel(Element rule, String entry, int column) {
        String header = "inputEntry".equals(entry) ? "input" : "output";
        NodeList columns = ((Element) rule.getParentNode()).getElementsByTagNameNS(rule.getNamespaceURI(), header);
        if (column > columns.getLength()) {
            return "no such column";
        }
        Element definition = (Element) columns.item(column - 1);
        return definition.hasAttribute("label") ? definition.getAttribute("label") : definition.getAttribute("id");
    }
}
