package org.stocktake.evidence;

import java.util.Map;
import java.util.Set;

import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

/**
 * The kinds of file evidence may be (PDF, office documents, images), read from the content with
 * Apache Tika. The content must show a kind by itself (its magic bytes); the name may only refine
 * it to a narrower kind of the same content (a Word .doc is an OLE2 file underneath, a .docx an
 * Office Open XML package). Content that shows no kind, a bare ZIP, or a name that claims another
 * kind than the content shows, is refused: a file that lies about itself.
 */
final class EvidenceTypes {

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry TYPES = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();
    /** What content shows when it shows no kind of file of its own: Tika would then go by the name alone. */
    private static final Set<String> SAYS_NOTHING = Set.of("application/octet-stream", "text/plain", "application/zip");
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
        MediaType byMagic = MediaType.parse(base(TIKA.detect(content)));
        MediaType byContent = MediaType.parse(base(TIKA.detect(content, fileName)));
        boolean contentShowsIt = !SAYS_NOTHING.contains(byMagic.toString())
                && (byContent.equals(byMagic) || TYPES.isSpecializationOf(byContent, byMagic));
        String type = byContent.toString();
        return contentShowsIt && ALLOWED.containsKey(type) && type.equals(base(TIKA.detect(fileName))) ? type : null;
    }

    /** What the content is, in the words of a refusal: "an HTML page", "a ZIP archive", or its media type. */
    static String describe(byte[] content) {
        String type = base(TIKA.detect(content));
        return ALLOWED.getOrDefault(type, type);
    }

    static Set<String> allowed() {
        return ALLOWED.keySet();
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
