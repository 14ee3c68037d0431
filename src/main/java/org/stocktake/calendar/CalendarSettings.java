package org.stocktake.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Corrections to the published bank holidays, per nation ({@code stocktake.calendar.changes}): a
 * day announced after the holiday library was released is {@code added}; a day it has that the
 * government moved is {@code removed}.
 */
@ConfigurationProperties("stocktake.calendar")
public record CalendarSettings(Map<BankHolidays, Changes> changes) {

    public CalendarSettings {
        changes = changes == null ? Map.of() : Map.copyOf(changes);
    }

    public record Changes(List<LocalDate> added, List<LocalDate> removed) {

        static final Changes NONE = new Changes(List.of(), List.of());

        public Changes {
            added = added == null ? List.of() : List.copyOf(added);
            removed = removed == null ? List.of() : List.copyOf(removed);
        }
    }

    Changes of(BankHolidays nation) {
        return changes.getOrDefault(nation, Changes.NONE);
    }
}
