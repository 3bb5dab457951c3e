package io.outboundcalls.benchmarks;

/** One line of the result table. {@code pass} is null when there is nothing to judge. */
record Row(String figure, String target, String measured, Boolean pass, String note) {

    static Row notAvailable(String figure, String target, String why) {
        return new Row(figure, target, "not available", null, why);
    }

    String verdict() {
        return pass == null ? "-" : pass ? "PASS" : "FAIL";
    }
}
