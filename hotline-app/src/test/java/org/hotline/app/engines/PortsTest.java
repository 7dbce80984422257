package org.hotline.app.engines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void aFreePortCanBeBound() throws Exception {
        int port = Ports.findFree();

        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(socket.getLocalPort()).isEqualTo(port);
            assertThat(Ports.isListening(port)).isTrue();
        }
    }

    @Test
    void aTakenPortIsRefusedWithTheOptionThatChangesIt() throws Exception {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = socket.getLocalPort();

            assertThatThrownBy(() -> Ports.requireFree(port, "Kafka", "--kafka-port"))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("Kafka cannot use port " + port + " on 127.0.0.1: it is already in use (stop what "
                            + "runs there, e.g. `hotline services stop`, or choose another port with --kafka-port)")
                    .matches(e -> ((EngineException) e).isUserError());
        }
    }

    @Test
    void aFreePortPassesTheCheck() {
        int port = Ports.findFree();

        Ports.requireFree(port, "Kafka", "--kafka-port");

        assertThat(Ports.isListening(port)).isFalse();
    }
}
