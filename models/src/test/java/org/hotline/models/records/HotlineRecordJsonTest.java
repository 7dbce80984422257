package org.hotline.models.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class HotlineRecordJsonTest {
    private static final String RECORD = "{\"id\":\"2549\",\"receivedAt\":\"2019-04-25T09:32:09+08:00\","
            + "\"content\":\"小区物业管理有问题\",%s}";

    @Test
    void readsTheReplyObjectAndWritesItBack() throws Exception {
        HotlineRecord record = HotlineRecordJson.read(String.format(RECORD,
                "\"reply\":{\"text\":\"已责成物业整改\",\"repliedAt\":\"2019-05-10T14:56:53+08:00\",\"department\":\"区住建局\"}"));

        Reply expected = new Reply("已责成物业整改", OffsetDateTime.parse("2019-05-10T14:56:53+08:00"), "区住建局");
        assertThat(record.reply()).isEqualTo(expected);
        assertThat(HotlineRecordJson.read(HotlineRecordJson.write(record)).reply()).isEqualTo(expected);
    }

    @Test
    void readsAReplyGivenAsPlainText() throws Exception {
        HotlineRecord record = HotlineRecordJson.read(String.format(RECORD,
                "\"reply\":\"已责成物业整改\",\"repliedAt\":\"2019-05-10T14:56:53+08:00\""));

        assertThat(record.reply()).isEqualTo(new Reply("已责成物业整改", null, null));
    }
}
