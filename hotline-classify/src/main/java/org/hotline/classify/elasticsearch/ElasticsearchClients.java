package org.hotline.classify.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.TransportUtils;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import org.hotline.models.records.HotlineRecordJson;

/** Builds the Java API client on the low-level RestClient from an {@link ElasticsearchConfig}. */
public final class ElasticsearchClients {
    private ElasticsearchClients() {}

    /** A client for the configured cluster; closing it closes its HTTP connections. */
    public static ElasticsearchClient connect(ElasticsearchConfig config) {
        RestClientBuilder builder = RestClient.builder(hosts(config.urls()));
        if (config.apiKey() != null) {
            builder.setDefaultHeaders(new Header[] {
                new BasicHeader(HttpHeaders.AUTHORIZATION, "ApiKey " + config.apiKey())
            });
        }
        SSLContext sslContext = config.caCertificate() == null ? null : sslContext(config.caCertificate());
        builder.setHttpClientConfigCallback(http -> {
            if (config.username() != null) {
                BasicCredentialsProvider credentials = new BasicCredentialsProvider();
                credentials.setCredentials(AuthScope.ANY,
                        new UsernamePasswordCredentials(config.username(), config.password()));
                http.setDefaultCredentialsProvider(credentials);
            }
            if (sslContext != null) {
                http.setSSLContext(sslContext);
            }
            return http;
        });
        RestClientTransport transport =
                new RestClientTransport(builder.build(), new JacksonJsonpMapper(HotlineRecordJson.newMapper()));
        return new ElasticsearchClient(transport);
    }

    /** @throws IllegalArgumentException for a URL without scheme, host and port */
    static HttpHost[] hosts(List<String> urls) {
        List<HttpHost> hosts = new ArrayList<>();
        for (String url : urls) {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null || uri.getPort() < 0) {
                throw new IllegalArgumentException(
                        "Elasticsearch URL must look like http://host:port or https://host:port, was " + url);
            }
            hosts.add(new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()));
        }
        return hosts.toArray(HttpHost[]::new);
    }

    private static SSLContext sslContext(String caCertificate) {
        try {
            return TransportUtils.sslContextFromHttpCaCrt(new File(caCertificate));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + caCertificate, e);
        }
    }
}
