package org.stocktake.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.stocktake.support.HttpActor;
import org.stocktake.support.OnBothDatabases;
import org.stocktake.support.People;
import org.stocktake.support.StocktakeSpringTest;
import org.stocktake.support.Unique;

/** Without an SMTP server (the test profile sets none) nothing is sent and nothing is thrown away. */
@StocktakeSpringTest
@OnBothDatabases
@ExtendWith(OutputCaptureExtension.class)
class OutboxWithoutSmtpTest {

    static final String REVIEW = Unique.reviewCode("QUIET");

    @Autowired
    TestRestTemplate http;
    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxRepository outbox;

    @Test
    void messagesStayInTheOutboxAndTheAppSaysSo(CapturedOutput output) {
        HttpActor admin = HttpActor.as(http, StocktakeSpringTest.ADMIN, StocktakeSpringTest.ADMIN_PASSWORD);
        new People(admin).organisation("quiet-org", "Quiet organisation").user("q-lead", "quiet-org").user("q-sec", "secretariat");
        HttpActor secretariat = HttpActor.as(http, "q-sec", People.PASSWORD);
        secretariat.post("/api/reviews", Map.of("code", REVIEW, "title", "Quiet", "kind", "REVIEW"));
        long before = outbox.countUnsent();

        // the addressee's response task is a message to the organisation's lead
        secretariat.post("/api/reviews/" + REVIEW + "/recommendations", Map.of("reference", "1", "text", "Keep it.",
                "addressees", List.of("quiet-org")));

        assertThat(outbox.countUnsent()).isEqualTo(before + 1);
        assertThat(sender.sendDue()).isZero();
        assertThat(outbox.countUnsent()).isEqualTo(before + 1);
        sender.sayWhetherMailGoesOut();
        assertThat(output).contains("No SMTP server configured", (before + 1) + " waiting");
    }
}
