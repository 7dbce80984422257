package org.hotline.classify.serde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.hotline.classify.TestRecords;
import org.hotline.classify.records.TaggedRecord;
import org.hotline.models.records.GeoPoint;
import org.hotline.models.records.HotlineRecord;
import org.junit.jupiter.api.Test;

class JsonSerializerTest {

    @Test
    void taggedRecordSurvivesARoundTrip() throws Exception {
        HotlineRecord base = TestRecords.record("r-1", "夜间施工噪音");
        HotlineRecord located = new HotlineRecord(base.id(), base.receivedAt(), base.title(), base.content(),
                base.channel(), base.district(), base.street(), "幸福路8号", new GeoPoint(28.2, 112.9), null, true,
                List.of("环境保护"));
        TaggedRecord tagged = TestRecords.tagger().tag(located);
        TypeSerializer<TaggedRecord> serializer =
                JsonTypeInfo.of(TaggedRecord.class).createSerializer(new SerializerConfigImpl());

        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(tagged, out);
        TaggedRecord back = serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));

        assertThat(back).isEqualTo(tagged);
        assertThat(back.record().receivedAt()).isEqualTo(located.receivedAt());
    }

    @Test
    void snapshotRestoresACompatibleSerializer() throws Exception {
        TypeSerializer<HotlineRecord> serializer = new JsonSerializer<>(HotlineRecord.class);
        DataOutputSerializer out = new DataOutputSerializer(64);
        TypeSerializerSnapshot.writeVersionedSnapshot(out, serializer.snapshotConfiguration());
        TypeSerializerSnapshot<HotlineRecord> restored = TypeSerializerSnapshot.readVersionedSnapshot(
                new DataInputDeserializer(out.getCopyOfBuffer()), getClass().getClassLoader());

        assertThat(restored.restoreSerializer()).isEqualTo(serializer);
        assertThat(serializer.snapshotConfiguration().resolveSchemaCompatibility(restored).isCompatibleAsIs())
                .isTrue();
    }
}
