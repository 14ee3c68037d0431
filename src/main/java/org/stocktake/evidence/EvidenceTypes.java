package org.stocktake.evidence;

import java.util.Map;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;

/**
 * The kinds of file evidence may be (PDF, office documents, images), read from the content with
 * Apache Tika. A file is taken as the type its bytes show, refined by its name only where the name
 * names a kind of the same content (a .docx is a ZIP underneath); a name that claims another kind
 * than the content shows is a file that lies about itself.
 */
final class EvidenceTypes {

    private static final Tika TIKA = new Tika();
    private static final Map<String, String> ALLOWED = Map.ofEntries(
            Map.entry("application/pdf", "PDF"),
            Map.entry("application/msword", "Word document"),
            Map.entry("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word document"),
            Map.entry("application/vnd.ms-excel", "Excel spreadsheet"),
            Map.entry("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel spreadsheet"),
            Map.entry("application/vnd.ms-powerpoint", "PowerPoint presentation"),
            Map.entry("application/vnd.openxmlformats-officedocument.presentationml.presentation", "PowerPoint presentation"),
            Map.entry("application/vnd.oasis.opendocument.text", "OpenDocument text"),
            Map.entry("application/vnd.oasis.opendocument.spreadsheet", "OpenDocument spreadsheet"),
            Map.entry("application/vnd.oasis.opendocument.presentation", "OpenDocument presentation"),
            Map.entry("image/png", "PNG image"),
            Map.entry("image/jpeg", "JPEG image"),
            Map.entry("image/gif", "GIF image"));

    private EvidenceTypes() {
    }

    /** The type the content shows (refined by the name where the two agree), or null when it is not a kind evidence may be. */
    static String allowedTypeOf(byte[] content, String fileName) {
        String byContent = base(TIKA.detect(content, fileName));
        String byName = base(TIKA.detect(fileName));
        return ALLOWED.containsKey(byContent) && byContent.equals(byName) ? byContent : null;
    }

    /** What the content is, in the words of a refusal: "an HTML page", "a ZIP archive", or its media type. */
    static String describe(byte[] content) {
        String type = base(TIKA.detect(content));
        return ALLOWED.getOrDefault(type, type);
    }

    static String nameOf(String contentType) {
        return ALLOWED.getOrDefault(contentType, contentType);
    }

    static String allowedInWords() {
        return "PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG or GIF";
    }

    private static String base(String detected) {
        return MediaType.parse(detected).getBaseType().toString();
    }
}
