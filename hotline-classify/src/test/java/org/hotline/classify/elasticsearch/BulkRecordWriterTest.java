package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hotline.classify.records.TaggedRecord;
import org.junit.jupiter.api.Test;

class BulkRecordWriterTest {
    private final List<FailedDocument> failures = new ArrayList<>();
    private final List<Long> sleeps = new ArrayList<>();
    private final List<TaggedRecord> batch =
            List.of(TaggedRecords.full("a"), TaggedRecords.full("b"), TaggedRecords.minimal("c"));

    private BulkRecordWriter writer(FakeBulkSender sender) {
        return new BulkRecordWriter(sender, failures::add, 3, 100, sleeps::add);
    }

    @Test
    void indexesEveryDocumentUnderItsRecordId() throws Exception {
        FakeBulkSender sender = new FakeBulkSender().thenAllOk();

        BulkRecordWriter.BulkResult result = writer(sender).write(batch);

        assertThat(result).isEqualTo(new BulkRecordWriter.BulkResult(3, 0));
        assertThat(sender.requests).containsExactly(List.of("a", "b", "c"));
        assertThat(failures).isEmpty();
    }

    @Test
    void retriesOnlyTheItemsRejectedWith429Or5xx() throws Exception {
        FakeBulkSender sender = new FakeBulkSender()
                .thenStatuses(id -> switch (id) {
                    case "a" -> 429;
                    case "b" -> 503;
                    default -> 200;
                })
                .thenAllOk();

        BulkRecordWriter.BulkResult result = writer(sender).write(batch);

        assertThat(result).isEqualTo(new BulkRecordWriter.BulkResult(3, 0));
        assertThat(sender.requests).containsExactly(List.of("a", "b", "c"), List.of("a", "b"));
        assertThat(sleeps).containsExactly(100L);
    }

    @Test
    void handsAPermanentlyRefusedRecordToTheListenerWithoutRetrying() throws Exception {
        FakeBulkSender sender = new FakeBulkSender().thenStatuses(id -> id.equals("b") ? 400 : 201);
        BulkRecordWriter writer = writer(sender);

        BulkRecordWriter.BulkResult result = writer.write(batch);

        assertThat(result).isEqualTo(new BulkRecordWriter.BulkResult(2, 1));
        assertThat(sender.requests).hasSize(1);
        assertThat(failures).singleElement().satisfies(failed -> {
            assertThat(failed.record().id()).isEqualTo("b");
            assertThat(failed.status()).isEqualTo(400);
            assertThat(failed.reason()).isEqualTo("error_400: refused");
        });
        assertThat(writer.permanentFailures()).isEqualTo(1);
    }

    @Test
    void givesUpOnARetryableItemAfterMaxRetriesAndReportsIt() throws Exception {
        FakeBulkSender sender = new FakeBulkSender().thenStatuses(id -> id.equals("c") ? 503 : 201);

        BulkRecordWriter.BulkResult result = writer(sender).write(batch);

        assertThat(result).isEqualTo(new BulkRecordWriter.BulkResult(2, 1));
        assertThat(sender.requests).hasSize(4);
        assertThat(sleeps).containsExactly(100L, 200L, 400L);
        assertThat(failures).singleElement().satisfies(failed -> {
            assertThat(failed.record().id()).isEqualTo("c");
            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.reason()).startsWith("gave up after 4 attempts");
        });
    }

    @Test
    void retriesARequestThatFailedAsAWhole() throws Exception {
        FakeBulkSender sender = new FakeBulkSender().thenUnreachable().thenAllOk();

        BulkRecordWriter.BulkResult result = writer(sender).write(batch);

        assertThat(result.indexed()).isEqualTo(3);
        assertThat(sender.requests).hasSize(2);
    }

    @Test
    void failsWhenTheClusterStaysUnreachable() {
        FakeBulkSender sender = new FakeBulkSender().thenUnreachable();

        assertThatThrownBy(() -> writer(sender).write(batch))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("after 4 attempts")
                .hasRootCauseMessage("Connection refused");
        assertThat(failures).isEmpty();
    }

    @Test
    void failsWhenTheListenerCannotTakeAFailure() {
        FakeBulkSender sender = new FakeBulkSender().thenStatuses(id -> 400);
        BulkRecordWriter writer = new BulkRecordWriter(sender, failed -> {
            throw new IllegalStateException("dead-letter topic down");
        }, 3, 100, sleeps::add);

        assertThatThrownBy(() -> writer.write(batch))
                .isInstanceOf(IOException.class)
                .hasRootCauseMessage("dead-letter topic down");
    }

    @Test
    void doublesTheBackoffUpToThirtySeconds() {
        assertThat(BulkRecordWriter.backoffMillis(100, 0)).isEqualTo(100);
        assertThat(BulkRecordWriter.backoffMillis(100, 1)).isEqualTo(200);
        assertThat(BulkRecordWriter.backoffMillis(100, 4)).isEqualTo(1600);
        assertThat(BulkRecordWriter.backoffMillis(100, 40)).isEqualTo(30_000);
    }
}
