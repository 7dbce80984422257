package org.hotline.models.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hotline.models.records.HotlineRecord;

/** Record filters the commands share. */
final class RecordSplits {
    private RecordSplits() {}

    static List<HotlineRecord> withoutIdsOf(List<HotlineRecord> records, List<HotlineRecord> excluded) {
        Set<String> ids = new HashSet<>();
        for (HotlineRecord record : excluded) {
            if (record.id() != null) {
                ids.add(record.id());
            }
        }
        return records.stream().filter(r -> r.id() == null || !ids.contains(r.id())).toList();
    }
}
