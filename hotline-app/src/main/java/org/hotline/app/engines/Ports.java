package org.hotline.app.engines;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Loopback port helpers. */
public final class Ports {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private Ports() {}

    /** A port nobody listens on right now (the OS picks it; another process may still take it later). */
    public static int findFree() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port", e);
        }
    }

    /** True when something accepts connections on loopback:{@code port}. */
    public static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** @throws EngineException naming {@code what} wanted the port and which option changes it */
    public static void requireFree(int port, String what, String option) {
        if (isListening(port) || !canBind(port)) {
            throw EngineException.userError(what + " cannot use port " + port + " on " + LOOPBACK.getHostAddress()
                    + ": it is already in use (stop what runs there, e.g. `hotline services stop`, or choose "
                    + "another port with " + option + ")");
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
