package org.arrowsync.emulator.http;

/** A request the emulator refuses; turned into ArrowSphere's error body in one place ({@link Response#error}). */
public final class ApiError extends RuntimeException {

    private final int status;
    private final String errorCode;

    public ApiError(int status, String errorCode, String message) {
        super(message);
        this.status = status;
        this.errorCode = errorCode;
    }

    public static ApiError badRequest(String message) {
        return new ApiError(400, "BAD_REQUEST", message);
    }

    public static ApiError notFound(String message) {
        return new ApiError(404, "NOT_FOUND", message);
    }

    public int status() {
        return status;
    }

    public String errorCode() {
        return errorCode;
    }
}
