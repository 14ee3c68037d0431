package org.stocktake.evidence;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.errors.ForbiddenException;
import org.stocktake.errors.InvalidInputException;
import org.stocktake.errors.NotFoundException;
import org.stocktake.errors.TooLargeException;
import org.stocktake.review.Recommendation;
import org.stocktake.review.RecommendationService;
import org.stocktake.review.Visibility;
import org.stocktake.security.Fingerprint;

/**
 * Takes, lists, hands out and checks evidence files. The owner organisation, the secretariat and
 * the board add files and read every one; anyone else who may see the recommendation reads only
 * those marked public; for everyone else the files do not exist.
 */
@Service
public class EvidenceService {

    private final EvidenceRepository files;
    private final RecommendationService recommendations;
    private final Visibility visibility;
    private final EvidenceSettings settings;
    private final Clock clock;

    EvidenceService(EvidenceRepository files, RecommendationService recommendations, Visibility visibility, EvidenceSettings settings,
                    Clock clock) {
        this.files = files;
        this.recommendations = recommendations;
        this.visibility = visibility;
        this.settings = settings;
        this.clock = clock;
    }

    /** A file with its content, as handed out. */
    public record Download(EvidenceFile file, byte[] content) {
    }

    @Transactional
    public EvidenceFile add(long recommendationId, String fileName, byte[] content, boolean published, String by) {
        Recommendation recommendation = visible(recommendationId);
        if (!mayAdd(recommendation)) {
            throw new ForbiddenException(visibility.canReadRestrictedNotes(recommendation)
                    ? recommendation.businessKey() + " is closed: only the secretariat and the board add evidence to it now; nothing was saved."
                    : "Only the owner organisation, the secretariat and the board add evidence to " + recommendation.businessKey()
                    + "; nothing was saved.");
        }
        String name = fileName == null ? "" : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).strip();
        if (name.isEmpty() || name.length() > 255) {
            throw new InvalidInputException("file", "needs its file name, with its extension (report.pdf), of at most 255 characters");
        }
        if (name.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT)) {
            // a control character, or one that turns text around (U+202E) so that report.exe reads as report.pdf
            throw new InvalidInputException("file", "has characters in its name that a file name cannot hold: rename it and add it again");
        }
        if (content.length == 0) {
            throw new InvalidInputException("file", name + " is empty");
        }
        if (content.length > settings.maxSize().toBytes()) {
            throw new TooLargeException(name + " is larger than the evidence limit of " + settings.maxSize().toMegabytes()
                    + " MB (stocktake.evidence.max-size); nothing was saved.");
        }
        String type = EvidenceTypes.allowedTypeOf(content, name);
        if (type == null) {
            throw new InvalidInputException("file", name + " is not what its name says: its content is " + EvidenceTypes.describe(content)
                    + ". Evidence may be a " + EvidenceTypes.allowedInWords() + " file, named with its own extension; nothing was saved.");
        }
        long id = files.insert(recommendationId, name, type, content, Fingerprint.sha256(content), published, by, OffsetDateTime.now(clock));
        return files.findById(id).orElseThrow();
    }

    public long maxMegabytes() {
        return settings.maxSize().toMegabytes();
    }

    /**
     * Whether the caller may add a file: the owner organisation, the secretariat and the board while
     * the recommendation is open; once it is closed, what the board signed off stays as it saw it,
     * and only the secretariat and the board (who check a closure again) add to it.
     */
    public boolean mayAdd(Recommendation recommendation) {
        return visibility.canReadRestrictedNotes(recommendation) && (recommendation.status().isOpen() || visibility.oversees());
    }

    /** The files the caller may read, oldest first. */
    public List<EvidenceFile> list(long recommendationId) {
        Recommendation recommendation = visible(recommendationId);
        boolean readsRestricted = visibility.canReadRestrictedNotes(recommendation);
        return files.findByRecommendation(recommendationId).stream().filter(file -> file.published() || readsRestricted).toList();
    }

    /** The files marked public, for a published review's page, which anyone may read. */
    public List<EvidenceFile> publicFiles(long recommendationId) {
        return files.findByRecommendation(recommendationId).stream().filter(EvidenceFile::published).toList();
    }

    /** A file marked public, for a published review's page; any other is not found. */
    public Download publicDownload(long recommendationId, long fileId) {
        EvidenceFile file = files.findById(fileId).filter(found -> found.recommendationId() == recommendationId && found.published())
                .orElseThrow(() -> new NotFoundException("No published evidence file " + fileId));
        return new Download(file, files.content(fileId));
    }

    public Download download(long recommendationId, long fileId) {
        EvidenceFile file = readable(recommendationId, fileId);
        return new Download(file, files.content(fileId));
    }

    /**
     * The file fingerprinted again, against its fingerprint when received and at every sign-off that
     * saw it; a file no sign-off saw is intact while it matches what was received.
     */
    public EvidenceCheck check(long recommendationId, long fileId) {
        EvidenceFile file = readable(recommendationId, fileId);
        String now = Fingerprint.sha256(files.content(fileId));
        List<EvidenceSignOff> signOffs = files.findSignOffs(recommendationId).stream().filter(seen -> seen.evidenceId() == fileId).toList();
        return new EvidenceCheck(file, now, signOffs,
                now.equals(file.sha256()) && signOffs.stream().allMatch(seen -> seen.sha256().equals(now)));
    }

    /**
     * Keeps the fingerprints of every file of the recommendation as the board signs off its
     * closure: the content's as it is now, so a file changed before the sign-off is kept as seen.
     */
    @Transactional
    public void recordSignOff(long recommendationId, String by) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (EvidenceFile file : files.findByRecommendation(recommendationId)) {
            files.insertSignOff(recommendationId, file.id(), Fingerprint.sha256(files.content(file.id())), by, now);
        }
    }

    /** What the board saw at each sign-off, for those who may read every file. */
    public List<EvidenceSignOff> signOffs(long recommendationId) {
        Recommendation recommendation = visible(recommendationId);
        if (!visibility.canReadRestrictedNotes(recommendation)) {
            List<Long> published = list(recommendationId).stream().map(EvidenceFile::id).toList();
            return files.findSignOffs(recommendationId).stream().filter(seen -> published.contains(seen.evidenceId())).toList();
        }
        return files.findSignOffs(recommendationId);
    }

    private EvidenceFile readable(long recommendationId, long fileId) {
        Recommendation recommendation = visible(recommendationId);
        return files.findById(fileId)
                .filter(file -> file.recommendationId() == recommendationId)
                .filter(file -> file.published() || visibility.canReadRestrictedNotes(recommendation))
                .orElseThrow(() -> new NotFoundException("No evidence file " + fileId + " of recommendation " + recommendationId));
    }

    private Recommendation visible(long recommendationId) {
        Recommendation recommendation = recommendations.get(recommendationId);
        if (!visibility.canSee(recommendation)) {
            throw new NotFoundException("No recommendation with id " + recommendationId);
        }
        return recommendation;
    }
}
