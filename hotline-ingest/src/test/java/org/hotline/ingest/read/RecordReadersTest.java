package org.hotline.ingest.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.hotline.ingest.template.RawRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReadersTest {
    private static final int KEEP = 1024;

    private static List<RawRecord> readAll(RecordReader reader) throws IOException {
        try (reader) {
            List<RawRecord> records = new ArrayList<>();
            reader.forEachRemaining(records::add);
            return records;
        }
    }

    private static RecordReader open(byte[] bytes, InputFormat format) throws IOException {
        return RecordReaders.open("in", new ByteArrayInputStream(bytes), format, ',', KEEP);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void jsonLinesAreRecordsWithLineNumbersAndBlankLinesAreCounted() throws IOException {
        RecordReader reader = open(utf8("{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}"), InputFormat.JSONL);

        List<RawRecord> records = readAll(reader);

        assertThat(records).extracting(RawRecord::lineNumber).containsExactly(1L, 4L, 5L);
        assertThat(records.get(0).payload()).isEqualTo(utf8("{\"a\":1}"));
        assertThat(records.get(2).payload()).isEqualTo(utf8("{\"c\":3}"));
        assertThat(reader.blankLines()).isEqualTo(2);
        assertThat(records).allMatch(r -> !r.isCsv() && r.source().equals("in"));
    }

    @Test
    void invalidUtf8LineKeepsItsExactBytes() throws IOException {
        byte[] bad = {'{', (byte) 0xC3, (byte) 0x28, '}'};
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8("{\"ok\":1}\n"));
        file.writeBytes(bad);
        file.writeBytes(utf8("\n{\"ok\":2}\n"));

        List<RawRecord> records = readAll(open(file.toByteArray(), InputFormat.JSONL));

        assertThat(records).hasSize(3);
        assertThat(records.get(1).payload()).isEqualTo(bad);
        assertThat(records.get(1).lineNumber()).isEqualTo(2);
    }

    @Test
    void aLineLongerThanTheCapIsCutButItsLengthCounted() throws IOException {
        String big = "x".repeat(10_000);

        List<RawRecord> records = readAll(open(utf8(big + "\n{\"n\":1}\n"), InputFormat.JSONL));

        assertThat(records.get(0).payload()).hasSize(KEEP);
        assertThat(records.get(0).payloadLength()).isEqualTo(10_000);
        assertThat(records.get(0).isTruncated()).isTrue();
        assertThat(records.get(1).payload()).isEqualTo(utf8("{\"n\":1}"));
    }

    @Test
    void readsGzipByItsMagicBytes(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("calls.jsonl.gz");
        try (GZIPOutputStream gz = new GZIPOutputStream(Files.newOutputStream(file))) {
            gz.write(utf8("{\"a\":1}\n{\"b\":2}\n"));
        }

        List<RawRecord> records = readAll(RecordReaders.open(file.toString(), null, ',', KEEP));

        assertThat(records).hasSize(2);
        assertThat(records.get(1).payload()).isEqualTo(utf8("{\"b\":2}"));
    }

    @Test
    void csvRowsCarryTheHeaderAndMayContainQuotedNewlines() throws IOException {
        byte[] csv = utf8("\uFEFF留言编号,留言详情\r\n1,\"第一行\n第二行，\"\"引号\"\"\"\n\n2,简单\n");

        RecordReader reader = open(csv, InputFormat.CSV);
        List<RawRecord> records = readAll(reader);

        assertThat(records).hasSize(2);
        assertThat(records.get(0).csv().header()).containsExactly("留言编号", "留言详情");
        assertThat(new String(records.get(0).payload(), StandardCharsets.UTF_8))
                .isEqualTo("1,\"第一行\n第二行，\"\"引号\"\"\"");
        assertThat(records.get(0).lineNumber()).isEqualTo(2);
        assertThat(records.get(1).lineNumber()).isEqualTo(5);
        assertThat(reader.blankLines()).isEqualTo(1);
    }

    @Test
    void csvWithoutHeaderIsAnInputFormatError() {
        assertThatThrownBy(() -> open(new byte[0], InputFormat.CSV)).isInstanceOf(InputFormatException.class);
    }

    @Test
    void csvHeaderWithARepeatedColumnIsAnInputFormatError() {
        assertThatThrownBy(() -> open(utf8("id,content,id\n1,x,2\n"), InputFormat.CSV))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("'id' twice");
    }

    @Test
    void csvHeaderThatIsNotUtf8IsAnInputFormatError() {
        byte[] gbk = "编号,内容\n".getBytes(java.nio.charset.Charset.forName("GBK"));

        assertThatThrownBy(() -> open(gbk, InputFormat.CSV))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("not UTF-8");
    }

    @Test
    void linesInMemoryBecomeNumberedJsonRecords() {
        List<RawRecord> records = new ArrayList<>();
        RecordReaders.fromJsonLines("demo", List.of("{\"a\":1}", "{\"b\":2}").iterator()).forEachRemaining(records::add);

        assertThat(records).extracting(RawRecord::lineNumber).containsExactly(1L, 2L);
        assertThat(records.get(1).payload()).isEqualTo(utf8("{\"b\":2}"));
        assertThat(records.get(1).source()).isEqualTo("demo");
    }

    @Test
    void formatFollowsTheFileName() {
        assertThat(InputFormat.fromFileName("a.csv")).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.fromFileName("a.CSV.gz")).isEqualTo(InputFormat.CSV);
        assertThat(InputFormat.fromFileName("a.jsonl.gz")).isEqualTo(InputFormat.JSONL);
        assertThat(InputFormat.fromFileName("-")).isEqualTo(InputFormat.JSONL);
    }
}
