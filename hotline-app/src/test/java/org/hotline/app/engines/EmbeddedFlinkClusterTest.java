package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EmbeddedFlinkClusterTest {

    @Test
    void theClusterIsLoopbackOnlyWithFixedPortsAndItsFilesInItsDirectory() {
        String config = EmbeddedFlinkCluster.config(18081, 16123, 16124, 2, Path.of("/w/flink"));

        assertThat(config.lines()).contains(
                "jobmanager.rpc.address: 127.0.0.1",
                "jobmanager.rpc.port: 16123",
                "jobmanager.bind-host: 127.0.0.1",
                "taskmanager.bind-host: 127.0.0.1",
                "taskmanager.rpc.port: 16124",
                "taskmanager.numberOfTaskSlots: 2",
                "rest.bind-address: 127.0.0.1",
                "rest.port: 18081",
                "io.tmp.dirs: /w/flink/tmp",
                "web.upload.dir: /w/flink/upload");
    }

    @Test
    void theClusterClasspathIsFlinkItsDependenciesAndLoggingOnly() {
        String m2 = "/root/.m2/repository/";
        String classpath = String.join(":",
                m2 + "org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                m2 + "org/apache/flink/flink-runtime-web/2.2.1/flink-runtime-web-2.2.1.jar",
                m2 + "org/apache/logging/log4j/log4j-core/2.24.3/log4j-core-2.24.3.jar",
                m2 + "com/esotericsoftware/kryo/5.6.2/kryo-5.6.2.jar",
                m2 + "com/fasterxml/jackson/core/jackson-databind/2.19.2/jackson-databind-2.19.2.jar",
                m2 + "org/apache/commons/commons-csv/1.14.1/commons-csv-1.14.1.jar",
                m2 + "org/apache/flink/flink-connector-kafka/5.0.0-2.2/flink-connector-kafka-5.0.0-2.2.jar",
                m2 + "org/apache/kafka/kafka-clients/4.2.0/kafka-clients-4.2.0.jar",
                m2 + "co/elastic/clients/elasticsearch-java/8.19.12/elasticsearch-java-8.19.12.jar",
                m2 + "com/hankcs/hanlp/portable-1.8.6/hanlp-portable-1.8.6.jar",
                m2 + "org/nd4j/nd4j-api/1.0.0-M2.1/nd4j-api-1.0.0-M2.1.jar",
                m2 + "org/bytedeco/javacpp/1.5.7/javacpp-1.5.7.jar",
                m2 + "org/hotline/models/0.1.0-SNAPSHOT/models-0.1.0-SNAPSHOT.jar",
                "/work/main/hotline-classify/target/hotline-classify-0.1.0-SNAPSHOT.jar",
                "/work/main/hotline-app/target/classes",
                "/work/main/hotline-app/target/test-classes");

        assertThat(EmbeddedFlinkCluster.clusterClasspath(classpath).split(":")).containsExactly(
                m2 + "org/apache/flink/flink-runtime/2.2.1/flink-runtime-2.2.1.jar",
                m2 + "org/apache/flink/flink-runtime-web/2.2.1/flink-runtime-web-2.2.1.jar",
                m2 + "org/apache/logging/log4j/log4j-core/2.24.3/log4j-core-2.24.3.jar",
                m2 + "com/esotericsoftware/kryo/5.6.2/kryo-5.6.2.jar");
    }

    @Test
    void memorySettingsAreTheLastTwoResultLinesOfBashJavaUtils() {
        String output = String.join("\n",
                "INFO  [] - Loading configuration property: taskmanager.numberOfTaskSlots, 2",
                "BASH_JAVA_UTILS_EXEC_RESULT:-Xmx436207608 -Xms436207608 -XX:MaxDirectMemorySize=248302798",
                "BASH_JAVA_UTILS_EXEC_RESULT:-D taskmanager.cpu.cores=2.0 -D taskmanager.numberOfTaskSlots=2",
                "");

        EmbeddedFlinkCluster.ResourceParams params = EmbeddedFlinkCluster.resourceParams(output);

        assertThat(params.jvmOptions()).containsExactly("-Xmx436207608", "-Xms436207608",
                "-XX:MaxDirectMemorySize=248302798");
        assertThat(params.dynamicProperties()).containsExactly("-D", "taskmanager.cpu.cores=2.0",
                "-D", "taskmanager.numberOfTaskSlots=2");
    }

    @Test
    void bashJavaUtilsOutputWithoutResultsIsAnErrorThatShowsTheOutput() {
        assertThatThrownBy(() -> EmbeddedFlinkCluster.resourceParams("Exception: config.yaml not found"))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("config.yaml not found");
    }

    @Test
    void flinkErrorsKeepTheFirstLineAndTheRootCauseOfEachMessage() throws Exception {
        String body = "{\"errors\":[\"RestHandlerException: Could not execute application.\\n\\tat org.apache.flink.X\\n"
                + "Caused by: FlinkRuntimeException: Could not execute application.\\n\\tat org.apache.flink.Y\\n"
                + "Caused by: java.lang.IllegalStateException: hotline classify failed\\n\\t... 25 more\","
                + "\"Jar file does not exist\"]}";

        assertThat(FlinkRestClient.errors(new ObjectMapper().readTree(body), body)).isEqualTo(
                "RestHandlerException: Could not execute application."
                        + " (Caused by: java.lang.IllegalStateException: hotline classify failed)"
                        + " | Jar file does not exist");
    }

    @Test
    void anAnswerWithoutErrorsIsShownAsItIs() throws Exception {
        String body = "{\"status\":\"unknown\"}";

        assertThat(FlinkRestClient.errors(new ObjectMapper().readTree(body), body)).isEqualTo(body);
    }
}
