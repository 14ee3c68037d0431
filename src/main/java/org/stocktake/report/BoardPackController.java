package org.stocktake.report;

import java.util.List;
import java.util.Map;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/board-pack}: the pack as it stands, as JSON, HTML or PDF, for whoever asks and
 * within what they may see. {@code GET /api/board-packs} and {@code /api/board-packs/{quarter}}:
 * the quarterly packs as they were produced, for the board and the secretariat. The same under
 * {@code /reports} for people signed in with a browser.
 */
@RestController
class BoardPackController {

    private final BoardPackService packs;
    private final QuarterlyBoardPacks quarterly;
    private final PageRenderer pages;

    BoardPackController(BoardPackService packs, QuarterlyBoardPacks quarterly, PageRenderer pages) {
        this.packs = packs;
        this.quarterly = quarterly;
        this.pages = pages;
    }

    @GetMapping(path = {"/api/board-pack", "/reports/board-pack"}, produces = MediaType.APPLICATION_JSON_VALUE)
    BoardPack current() {
        return packs.forCaller();
    }

    @GetMapping(path = {"/api/board-pack", "/reports/board-pack"}, produces = MediaType.TEXT_HTML_VALUE)
    String currentPage() {
        return pages.page(QuarterlyBoardPacks.TEMPLATE, Map.of("pack", packs.forCaller()));
    }

    @GetMapping(path = {"/api/board-pack", "/reports/board-pack"}, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> currentPdf() {
        BoardPack pack = packs.forCaller();
        return pdf("board-pack-" + pack.quarter() + "-as-at-" + pack.producedAt().toLocalDate(), quarterly.render(pack));
    }

    @GetMapping(path = {"/api/board-packs", "/reports/board-packs"}, produces = MediaType.APPLICATION_JSON_VALUE)
    List<BoardPackRepository.PackProduced> produced() {
        return quarterly.list();
    }

    @GetMapping(path = {"/api/board-packs/{quarter}", "/reports/board-packs/{quarter}"}, produces = MediaType.TEXT_HTML_VALUE)
    String storedPage(@PathVariable String quarter) {
        return quarterly.page(quarter);
    }

    @GetMapping(path = {"/api/board-packs/{quarter}", "/reports/board-packs/{quarter}"}, produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> storedPdf(@PathVariable String quarter) {
        return pdf("board-pack-" + quarter, quarterly.page(quarter));
    }

    private ResponseEntity<byte[]> pdf(String name, String html) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + ".pdf").build().toString())
                .body(pages.pdf(html));
    }
}
