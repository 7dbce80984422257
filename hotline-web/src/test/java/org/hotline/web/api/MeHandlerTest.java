package org.hotline.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline.web.api.Responses.ok;
import static org.hotline.web.api.Responses.refusal;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MeHandlerTest {
    private final MeHandler handler = new MeHandler();

    @Test
    void namesTheSignedInUserOrNobody() {
        assertThat(ok(handler, ApiRequest.get(MeHandler.PATH, Map.of()).withUser("王分析")).get("user").asText())
                .isEqualTo("王分析");
        assertThat(ok(handler, ApiRequest.get(MeHandler.PATH, Map.of())).get("user").isNull()).isTrue();
    }

    @Test
    void onlyAnswersGet() {
        assertThat(refusal(handler, ApiRequest.post(MeHandler.PATH, "{}")).status()).isEqualTo(405);
    }
}
