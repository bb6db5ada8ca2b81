package com.coachintel.leads.adapter.http;

import com.coachintel.leads.domain.idempotency.StoredResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An answer that may be kept for an Idempotency-Key's retries: status, the headers a retry must see again
 * ({@code Location}, {@code ETag}) and the body. The core and storage keep it as opaque bytes
 * ({@link StoredResponse}); only this adapter knows what they hold.
 *
 * @param status  the status code
 * @param headers the headers to send again
 * @param body    the JSON body
 */
record HttpAnswer(int status, Map<String, String> headers, byte[] body) {

    HttpAnswer {
        headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(body, "body");
    }

    /** Whether the request succeeded (2xx), and so keeps its key. */
    boolean succeeded() {
        return status >= 200 && status < 300;
    }

    StoredResponse stored() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 128);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(status);
            out.writeShort(headers.size());
            for (Map.Entry<String, String> header : headers.entrySet()) {
                out.writeUTF(header.getKey());
                out.writeUTF(header.getValue());
            }
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new StoredResponse(bytes.toByteArray());
    }

    static HttpAnswer of(StoredResponse stored) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(stored.content()))) {
            int status = in.readShort();
            int count = in.readShort();
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                headers.put(in.readUTF(), in.readUTF());
            }
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new HttpAnswer(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored answer could not be read", e);
        }
    }
}
