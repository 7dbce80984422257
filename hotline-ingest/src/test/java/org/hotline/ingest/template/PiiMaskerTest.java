package org.hotline.ingest.template;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PiiMaskerTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "13812345678|138****5678",
        "电话13812345678请回电|电话138****5678请回电",
        "138-1234-5678|138****5678",
        "138 1234 5678|138****5678",
        "+8613812345678|+86138****5678",
        "+86 138-1234-5678|+86 138****5678",
        "0086 13912345678|0086 139****5678",
        "8615912345678|86159****5678",
        "(+86)18612345678|(+86)186****5678",
        "手机：19912345678。|手机：199****5678。",
        "43010219900307123X|430************23X",
        "身份证号430102199003071234，|身份证号430************234，",
        "id 43010219900307123x end|id 430************23x end",
        "0731-8888888|0731-***8888",
        "0731-88888888|0731-****8888",
        "(0731)88888888|(0731)****8888",
        "（0731）88888888|（0731）****8888",
        "010-62345678|010-****5678",
        "电话0731-8888888转123|电话0731-***8888转123",
        "0731-88888888-801|0731-****8888-801",
        "zhang.san@example.com|z***@example.com",
        "联系邮箱：12345678@qq.com。|联系邮箱：1***@qq.com。",
        "a.b+c@mail.gov.cn|a***@mail.gov.cn",
        "请回电13812345678.|请回电138****5678.",
        "电话0731-8888888。|电话0731-***8888。",
        "老身份证430102900307123。|老身份证430*********123。",
        "卡号6222021234567890128|卡号6222***********0128",
        "卡号 6222 0212 3456 7890 128 请退款|卡号 6222 **** **** ***0 128 请退款",
        "信用卡4111-1111-1111-1111。|信用卡4111-****-****-1111。",
        "我叫张三丰，住在|我叫张**，住在",
        "姓名：李四|姓名：李*",
        "联系人王小明电话|联系人王**电话",
    })
    void masksPersonalData(String text, String expected) {
        assertThat(PiiMasker.mask(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12栋3单元502室",
        "罚款12000元，共计3500.50元",
        "2019-04-25 09:32:09",
        "2019/4/25 9:32:09",
        "20190425093209",
        "订单号2019041312345678901",
        "工单编号 188006",
        "流水号913812345678",
        "编号138123456789",
        "金额1381234567",
        "总计13812345678.5元",
        "比例0.13812345678",
        "系数0731-88888888.25",
        "车牌湘A12345",
        "版本1.3.9",
        "6222021234567890123",
        "银行卡号不对6222021234567890127",
        "订单号201904131234567",
        "编号202612011234567",
        "我叫了外卖",
        "姓名：不详",
        "联系人电话未留",
        "门牌号0731号",
        "第01-02期",
        "email me at example dot com",
        "@someone 你好",
        "",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(PiiMasker.mask(text)).isEqualTo(text);
    }

    @Test
    void masksEveryOccurrenceInOneText() {
        String text = "张先生13812345678，李女士139-8765-4321，邮箱li@x.cn，身份证11010519491231002X，座机(010)62345678";

        assertThat(PiiMasker.mask(text)).isEqualTo(
                "张先生138****5678，李女士139****4321，邮箱l***@x.cn，身份证110************02X，座机(010)****5678");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "13812345678 43010219900307123X zhang@example.com 0731-8888888 (0731)88888888",
        "+86 138-1234-5678，11010519491231002X",
        "我叫张三丰 卡号6222 0212 3456 7890 128 老证430102900307123",
    })
    void maskingIsIdempotent(String text) {
        String once = PiiMasker.mask(text);

        assertThat(once).isNotEqualTo(text);
        assertThat(PiiMasker.mask(once)).isEqualTo(once);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "13812345678|138****5678",
        "88888888|****8888",
        "8888|8888",
        "138****5678|138****5678",
        "****8888|****8888",
    })
    void phoneFieldIsMaskedEvenWithoutAreaCode(String phone, String expected) {
        assertThat(PiiMasker.maskPhoneField(phone)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "张三丰|张**",
        "张三|张*",
        "王|王",
        "A00012345|A********",
        "张**|张**",
    })
    void callerNameKeepsOnlyItsFirstCharacter(String name, String expected) {
        assertThat(PiiMasker.maskName(name)).isEqualTo(expected);
    }

    @Test
    void nullStaysNull() {
        assertThat(PiiMasker.mask(null)).isNull();
        assertThat(PiiMasker.maskPhoneField(null)).isNull();
        assertThat(PiiMasker.maskName(null)).isNull();
    }
}
