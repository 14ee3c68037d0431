package org.stocktake.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.stocktake.calendar.ReportingQuarter;
import org.stocktake.errors.NotFoundException;

/**
 * The board's quarterly packs, produced by the {@code BoardPackProduction} process's timer
 * ({@code ${boardPacks.produceForQuarterJustEnded()}}) and kept as they were. Producing a quarter
 * already kept changes nothing, so a timer that fires twice (or on two nodes) keeps one pack.
 */
@Component("boardPacks")
public class QuarterlyBoardPacks {

    static final String TEMPLATE = "board-pack";

    private static final Logger log = LoggerFactory.getLogger(QuarterlyBoardPacks.class);

    private final BoardPackService packs;
    private final BoardPackRepository stored;
    private final PageRenderer pages;
    private final Clock clock;

    QuarterlyBoardPacks(BoardPackService packs, BoardPackRepository stored, PageRenderer pages, Clock clock) {
        this.packs = packs;
        this.stored = stored;
        this.pages = pages;
        this.clock = clock;
    }

    /** Keeps the pack of the quarter before today's; returns that quarter. */
    @Transactional
    public String produceForQuarterJustEnded() {
        ReportingQuarter quarter = ReportingQuarter.containing(LocalDate.now(clock)).previous();
        if (!stored.exists(quarter.toString())) {
            BoardPack pack = packs.forRecord(quarter);
            stored.insert(quarter.toString(), pack.producedAt(), render(pack));
            log.info("Board pack for {} produced", quarter);
        }
        return quarter.toString();
    }

    List<BoardPackRepository.PackProduced> list() {
        return stored.list();
    }

    String page(String quarter) {
        return stored.find(quarter).map(BoardPackRepository.StoredPack::html)
                .orElseThrow(() -> new NotFoundException("No board pack for " + quarter));
    }

    /** The pack as it is kept, or printed: no session's token in it. */
    String render(BoardPack pack) {
        return pages.document(TEMPLATE, Map.of("pack", pack));
    }
}
