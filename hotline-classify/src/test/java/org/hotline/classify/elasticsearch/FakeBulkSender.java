package org.hotline.classify.elasticsearch;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;

/** Answers each bulk request with the next scripted reply and remembers the ids it was sent. */
final class FakeBulkSender implements BulkSender {
    /** One scripted reply: a status per operation, or a failure of the whole request. */
    interface Reply {
        List<ItemResult> answer(List<Operation> operations) throws IOException;
    }

    private final Deque<Reply> replies = new ArrayDeque<>();
    final List<List<String>> requests = new ArrayList<>();
    boolean closed;

    FakeBulkSender thenStatuses(Function<String, Integer> statusById) {
        replies.add(operations -> operations.stream()
                .map(op -> {
                    int status = statusById.apply(op.id());
                    return new ItemResult(op.id(), status, status < 300 ? null : "error_" + status + ": refused");
                })
                .toList());
        return this;
    }

    FakeBulkSender thenAllOk() {
        return thenStatuses(id -> 201);
    }

    FakeBulkSender thenUnreachable() {
        replies.add(operations -> {
            throw new IOException("Connection refused");
        });
        return this;
    }

    @Override
    public List<ItemResult> send(List<Operation> operations) throws IOException {
        requests.add(operations.stream().map(Operation::id).toList());
        Reply reply = replies.size() > 1 ? replies.poll() : replies.peek();
        return reply.answer(operations);
    }

    @Override
    public void close() {
        closed = true;
    }
}
