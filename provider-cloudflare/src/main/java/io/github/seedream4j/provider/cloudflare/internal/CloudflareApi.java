package io.github.seedream4j.provider.cloudflare.internal;

import feign.Headers;
import feign.Param;
import feign.Request;
import feign.RequestLine;
import feign.Response;

/**
 * Cloudflare's universal run endpoint. The raw {@link Response} comes back whatever the status, so that this
 * provider reads Cloudflare's error envelope itself; the {@code Authorization} and {@code cf-aig-gateway-id}
 * headers are added by an interceptor.
 */
interface CloudflareApi {

    @RequestLine("POST /accounts/{accountId}/ai/run")
    @Headers({"Content-Type: application/json", "Accept: application/json"})
    Response run(@Param("accountId") String accountId, RunRequest body, Request.Options options);
}
