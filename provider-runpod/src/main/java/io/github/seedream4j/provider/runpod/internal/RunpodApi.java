package io.github.seedream4j.provider.runpod.internal;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;
import tools.jackson.databind.JsonNode;

/** Runpod's serverless job API. Every method returns the raw response: bodies are read whatever the status. */
@Headers({"Content-Type: application/json", "Accept: application/json"})
interface RunpodApi {

    @RequestLine("POST /{endpoint}/runsync?wait={wait}")
    Response runsync(@Param("endpoint") String endpoint, @Param("wait") long waitMillis, JsonNode body,
            Request.Options options);

    @RequestLine("POST /{endpoint}/run")
    Response run(@Param("endpoint") String endpoint, JsonNode body);

    @RequestLine("GET /{endpoint}/status/{id}")
    Response status(@Param("endpoint") String endpoint, @Param("id") String jobId);

    @RequestLine("POST /{endpoint}/cancel/{id}")
    Response cancel(@Param("endpoint") String endpoint, @Param("id") String jobId);
}
