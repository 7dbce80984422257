package org.hotline.alerts.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.hotline.alerts.alert.Alert;
import org.hotline.classify.elasticsearch.BatchWriter;
import org.hotline.classify.elasticsearch.BulkSender;
import org.hotline.classify.elasticsearch.RetryingBulk;
import org.junit.jupiter.api.Test;

class AlertBulkWriterTest {

    /** An index in memory: create refuses a known id with 409, update refuses an unknown one with 404. */
    static final class InMemoryIndex implements BulkSender {
        final Set<String> ids = new HashSet<>();
        final List<List<Operation>> requests = new ArrayList<>();
        int unavailableOnce;

        @Override
        public List<ItemResult> send(List<Operation> operations) {
            requests.add(operations);
            List<ItemResult> results = new ArrayList<>();
            for (Operation op : operations) {
                if (unavailableOnce > 0) {
                    unavailableOnce--;
                    results.add(new ItemResult(op.id(), 503, "unavailable"));
                } else if (op.type() == Operation.Type.CREATE) {
                    results.add(ids.add(op.id()) ? new ItemResult(op.id(), 201, null)
                            : new ItemResult(op.id(), 409, "version_conflict_engine_exception: exists"));
                } else if (op.type() == Operation.Type.UPDATE) {
                    results.add(ids.contains(op.id()) ? new ItemResult(op.id(), 200, null)
                            : new ItemResult(op.id(), 404, "document_missing_exception"));
                } else {
                    results.add(new ItemResult(op.id(), 400, "alerts are never indexed blindly"));
                }
            }
            return results;
        }

        @Override
        public void close() {}
    }

    private final InMemoryIndex index = new InMemoryIndex();
    private final AlertBulkWriter writer = writer(AlertBulkWriter.FirstSightings.NONE);

    private AlertBulkWriter writer(AlertBulkWriter.FirstSightings firstSightings) {
        return new AlertBulkWriter(new RetryingBulk(index, 3, 1, millis -> { }),
                Clock.fixed(AlertDocumentTest.NOW, ZoneOffset.UTC), firstSightings);
    }

    @Test
    void newAlertsAreCreatedAndKnownOnesOnlyMarkedSeenAgain() throws Exception {
        Alert east = AlertDocumentTest.alert("东城区", 40);
        Alert west = AlertDocumentTest.alert("西城区", 30);

        assertThat(writer.write(List.of(east))).isEqualTo(new BatchWriter.BulkResult(1, 0));
        assertThat(writer.write(List.of(east, west))).isEqualTo(new BatchWriter.BulkResult(2, 0));

        assertThat(writer.created()).isEqualTo(2);
        assertThat(writer.seenAgain()).isEqualTo(1);
        List<BulkSender.Operation> update = index.requests.get(2);
        assertThat(update).singleElement().satisfies(op -> {
            assertThat(op.type()).isEqualTo(BulkSender.Operation.Type.UPDATE);
            assertThat(op.id()).isEqualTo(east.id());
            assertThat(op.document()).containsOnlyKeys("lastSeenAt", "observed");
        });
    }

    @Test
    void onlyFirstSightingsAreToldAndWhoWasToldIsStored() throws Exception {
        Alert east = AlertDocumentTest.alert("东城区", 40);
        Alert west = AlertDocumentTest.alert("西城区", 30);
        List<List<String>> told = new ArrayList<>();
        AlertBulkWriter mailing = writer(created -> {
            told.add(created.stream().map(Alert::id).toList());
            return created.stream().collect(Collectors.toMap(Alert::id, alert -> List.of("duty@city.gov")));
        });

        mailing.write(List.of(east));
        mailing.write(List.of(east, west));
        mailing.write(List.of(east, west));

        assertThat(told).containsExactly(List.of(east.id()), List.of(west.id()));
        List<BulkSender.Operation> notes = index.requests.stream().flatMap(List::stream)
                .filter(op -> op.document().containsKey("mailedTo")).toList();
        assertThat(notes).extracting(BulkSender.Operation::id).containsExactly(east.id(), west.id());
        assertThat(notes).allSatisfy(op -> {
            assertThat(op.type()).isEqualTo(BulkSender.Operation.Type.UPDATE);
            assertThat(op.document()).containsOnlyKeys("mailedTo", "mailedAt")
                    .containsEntry("mailedTo", List.of("duty@city.gov"));
        });
    }

    @Test
    void theSameAlertTwiceInABatchIsWrittenOnce() throws Exception {
        Alert east = AlertDocumentTest.alert("东城区", 40);
        writer.write(List.of(east, AlertDocumentTest.alert("东城区", 41)));

        assertThat(index.requests).singleElement().satisfies(ops -> assertThat(ops).hasSize(1));
        assertThat(index.requests.get(0).get(0).document()).containsEntry("observed", 41.0);
    }

    @Test
    void unavailableItemsAreRetried() throws Exception {
        index.unavailableOnce = 1;
        assertThat(writer.write(List.of(AlertDocumentTest.alert("东城区", 40))))
                .isEqualTo(new BatchWriter.BulkResult(1, 0));
        assertThat(index.requests).hasSize(2);
    }
}
