package org.stocktake.review;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.calendar.BankHolidays;
import org.stocktake.calendar.WorkingDays;
import org.stocktake.errors.ConflictException;
import org.stocktake.errors.NotFoundException;

@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final ResponsePeriods responsePeriods;
    private final WorkingDays workingDays;
    private final Clock clock;

    ReviewService(ReviewRepository reviews, ResponsePeriods responsePeriods, WorkingDays workingDays, Clock clock) {
        this.reviews = reviews;
        this.responsePeriods = responsePeriods;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    @Transactional
    public Review create(NewReview review) {
        if (reviews.findByCode(review.code()).isPresent()) {
            throw new ConflictException("A review with code " + review.code() + " already exists");
        }
        LocalDate receivedOn = review.receivedOn() != null ? review.receivedOn() : LocalDate.now(clock);
        reviews.insert(review, receivedOn, responseDueOn(review.kind(), review.bankHolidaysOrDefault(), receivedOn), OffsetDateTime.now(clock));
        return get(review.code());
    }

    public Review get(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No review with code " + code));
    }

    public Optional<Review> find(String code) {
        return reviews.findByCode(code);
    }

    public boolean exists(String code) {
        return find(code).isPresent();
    }

    public List<Review> list() {
        return reviews.findAll();
    }

    /**
     * Publishes or unpublishes a review: while published, its progress report is open to anyone
     * at {@code /public/reviews/{code}}. Publishing what is already published changes nothing.
     */
    @Transactional
    public void publish(String code, boolean published, String by) {
        Review review = get(code);
        if (isPublished(code) != published) {
            reviews.insertPublication(review.id(), published, by, OffsetDateTime.now(clock));
        }
    }

    public boolean isPublished(String code) {
        List<Publication> publications = publications(code);
        return !publications.isEmpty() && publications.get(publications.size() - 1).published();
    }

    /** Every time the review was published or unpublished, oldest first. */
    public List<Publication> publications(String code) {
        return reviews.findPublications(code);
    }

    /** When addressees of the review asked again today must have answered by. */
    LocalDate responseDueFromToday(Review review) {
        return responseDueOn(review.kind(), review.bankHolidays(), LocalDate.now(clock));
    }

    /**
     * The end of the response period, or the working day before it: a deadline such as the
     * coroner's 56 days must not be passed because it fell on a weekend or a bank holiday.
     */
    private LocalDate responseDueOn(ReviewKind kind, BankHolidays nation, LocalDate receivedOn) {
        return workingDays.onOrBefore(nation, responsePeriods.dueOn(kind, receivedOn));
    }
}
