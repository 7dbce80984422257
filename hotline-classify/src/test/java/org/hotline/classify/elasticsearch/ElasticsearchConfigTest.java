package org.hotline.classify.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.apache.http.HttpHost;
import org.junit.jupiter.api.Test;

class ElasticsearchConfigTest {

    @Test
    void defaultsSuitASingleLocalNode() {
        ElasticsearchConfig config = ElasticsearchConfig.forUrl("http://127.0.0.1:9200");

        assertThat(config.index()).isEqualTo("hotline-records");
        assertThat(config.replicas()).isZero();
        assertThat(config.shards()).isEqualTo(1);
        assertThat(config.flushIntervalMillis()).isEqualTo(1000);
    }

    @Test
    void neverShowsSecretsInToString() {
        ElasticsearchConfig basic = ElasticsearchConfig.forUrl("https://es:9200").withBasicAuth("hotline", "s3cret");
        ElasticsearchConfig apiKey = ElasticsearchConfig.forUrl("https://es:9200").withApiKey("a2V5OnNlY3JldA==");

        assertThat(basic.toString()).contains("basic(hotline)").doesNotContain("s3cret");
        assertThat(apiKey.toString()).contains("api-key").doesNotContain("a2V5OnNlY3JldA==");
    }

    @Test
    void rejectsContradictoryOrIncompleteAuth() {
        ElasticsearchConfig basic = ElasticsearchConfig.forUrl("https://es:9200").withBasicAuth("u", "p");

        assertThatThrownBy(() -> basic.withApiKey("k")).hasMessageContaining("not both");
        assertThatThrownBy(() -> ElasticsearchConfig.forUrl("https://es:9200").withBasicAuth("u", null))
                .hasMessageContaining("username and a password");
    }

    @Test
    void rejectsNonsenseSizes() {
        ElasticsearchConfig config = ElasticsearchConfig.forUrl("http://127.0.0.1:9200");

        assertThatThrownBy(() -> config.withBatching(0, 1000)).hasMessageContaining("batchSize");
        assertThatThrownBy(() -> config.withShardsAndReplicas(1, -1)).hasMessageContaining("replicas");
        assertThatThrownBy(() -> config.withUrls(List.of())).hasMessageContaining("at least one");
    }

    @Test
    void parsesEveryUrlOfAnExternalCluster() {
        HttpHost[] hosts = ElasticsearchClients.hosts(List.of("https://es1.example:9243", " http://10.0.0.2:9200"));

        assertThat(hosts).containsExactly(new HttpHost("es1.example", 9243, "https"),
                new HttpHost("10.0.0.2", 9200, "http"));
        assertThatThrownBy(() -> ElasticsearchClients.hosts(List.of("es1:9200")))
                .hasMessageContaining("http://host:port");
    }
}
