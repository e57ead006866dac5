package org.microsmartgrid.meter.modbus.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Modbus TCP endpoint that is a real j2mod slave while HEALTHY and a broken device otherwise: it reads each
 * request frame and either forwards it to the slave, or answers garbage, a short frame, or nothing at all. Only this
 * broken behaviour is written as raw bytes; the healthy answers come from j2mod.
 */
public final class BrokenDevice implements AutoCloseable {
    public enum Mode {
        /** Forward to the real slave. */
        HEALTHY,
        /** Accept the request and never answer. */
        SILENT,
        /** Answer bytes that are no Modbus frame at all. */
        GARBAGE,
        /** Answer a well-formed frame carrying 1 register whatever was asked. */
        SHORT
    }

    private final ServerSocket server;
    private final int upstreamPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.HEALTHY;

    public BrokenDevice(int upstreamPort) throws IOException {
        this.upstreamPort = upstreamPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "broken-device-accept");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    public void mode(Mode mode) {
        this.mode = mode;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                Thread t = new Thread(() -> serve(s), "broken-device-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        Socket upstream = null;
        try (client) {
            DataInputStream in = new DataInputStream(client.getInputStream());
            OutputStream out = client.getOutputStream();
            while (true) {
                byte[] header = new byte[6];
                in.readFully(header);
                int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
                byte[] body = new byte[length];
                in.readFully(body);
                switch (mode) {
                    case HEALTHY -> {
                        if (upstream == null) {
                            upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort);
                            sockets.add(upstream);
                        }
                        upstream.getOutputStream().write(concat(header, body));
                        out.write(readFrame(upstream.getInputStream()));
                    }
                    case SILENT -> {
                        // swallow the request
                    }
                    case GARBAGE -> out.write("GARBAGE! this is no Modbus frame\r\n".getBytes(StandardCharsets.US_ASCII));
                    case SHORT -> {
                        // same transaction id, unit and function code as asked, but one register only
                        byte[] reply = {header[0], header[1], 0, 0, 0, 5, body[0], body[1], 2, 0x12, 0x34};
                        out.write(reply);
                    }
                }
                out.flush();
            }
        } catch (IOException e) {
            // the client went away or we were closed
        } finally {
            if (upstream != null) {
                try {
                    upstream.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
        }
    }

    private static byte[] readFrame(InputStream upstream) throws IOException {
        DataInputStream in = new DataInputStream(upstream);
        byte[] header = new byte[6];
        in.readFully(header);
        int length = ((header[4] & 0xFF) << 8) | (header[5] & 0xFF);
        byte[] body = new byte[length];
        in.readFully(body);
        return concat(header, body);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = new byte[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
