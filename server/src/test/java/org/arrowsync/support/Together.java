package org.arrowsync.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent at once, as racing clients send them: their answers, in the order the requests were given. */
public final class Together {

    private Together() {}

    /** {@code request} sent {@code times} times at once. */
    public static List<Response> send(int times, Callable<Response> request) throws Exception {
        return send(Collections.nCopies(times, request));
    }

    public static List<Response> send(List<Callable<Response>> requests) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(requests.size());
        try {
            List<Future<Response>> answers = new ArrayList<>();
            requests.forEach(request -> answers.add(threads.submit(request)));
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            threads.shutdownNow();
        }
    }
}
