package org.stocktake.review;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.stocktake.calendar.BankHolidays;

/** A review to register; {@code receivedOn} defaults to today, {@code bankHolidays} to England and Wales's. */
public record NewReview(
        @NotBlank @Size(max = 64) @Pattern(regexp = Review.CODE_PATTERN, message = "must be upper-case letters and digits in parts joined by hyphens, e.g. HARRIS-2016")
        String code,
        @NotBlank @Size(max = 500) String title,
        @NotNull ReviewKind kind,
        LocalDate receivedOn,
        BankHolidays bankHolidays) {

    public NewReview(String code, String title, ReviewKind kind, LocalDate receivedOn) {
        this(code, title, kind, receivedOn, null);
    }

    public BankHolidays bankHolidaysOrDefault() {
        return bankHolidays == null ? BankHolidays.ENGLAND_AND_WALES : bankHolidays;
    }
}
