package org.hotline.classify.serde;

import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink type information for our immutable Java records, serialised as the same JSON they have on Kafka.
 * Kryo cannot rebuild {@code List.copyOf} lists, and one JSON shape everywhere keeps state readable.
 */
public final class JsonTypeInfo<T> extends TypeInformation<T> {
    private final Class<T> type;

    private JsonTypeInfo(Class<T> type) {
        this.type = type;
    }

    public static <T> JsonTypeInfo<T> of(Class<T> type) {
        return new JsonTypeInfo<>(type);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new JsonSerializer<>(type);
    }

    @Override
    public String toString() {
        return "Json<" + type.getSimpleName() + ">";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonTypeInfo<?> other && other.type.equals(type);
    }

    @Override
    public int hashCode() {
        return Objects.hash(JsonTypeInfo.class, type);
    }

    @Override
    public boolean canEqual(Object o) {
        return o instanceof JsonTypeInfo;
    }
}
