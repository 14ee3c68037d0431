package org.stocktake.evidence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An evidence file as listed, without its content: its name, the type read from its content, its
 * size and SHA-256 fingerprint when received, whether it may be published, and who added it when.
 */
public record EvidenceFile(long id, long recommendationId, String fileName, String contentType, long sizeBytes, String sha256,
                           boolean published, String uploadedBy, OffsetDateTime uploadedAt) {

    /**
     * The file as a download: its own type, an attachment under its own name, never sniffed or
     * run as a page of Stocktake's, whatever it holds. {@code openToAnyone} for a published review's
     * public file, which caches may keep.
     */
    public static ResponseEntity<byte[]> asDownload(EvidenceService.Download download, boolean openToAnyone) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(download.file().contentType()))
                // its fingerprint names its content: a browser or proxy that has it need not fetch it again
                .eTag(download.file().sha256())
                // only what anyone may read may be kept by a shared cache; the rest by nobody
                .cacheControl(openToAnyone ? CacheControl.maxAge(Duration.ofHours(1)).cachePublic() : CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(download.file().fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .body(download.content());
    }

    /** "PDF, 120 KB": the kind of file in words and its size. */
    public String description() {
        return EvidenceTypes.nameOf(contentType) + ", " + (sizeBytes < 1024 * 1024 ? Math.max(1, sizeBytes / 1024) + " KB"
                : String.format(java.util.Locale.UK, "%.1f MB", sizeBytes / (1024.0 * 1024.0)));
    }
}
