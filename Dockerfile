# execreport in a container: built with the Rust toolchain, run from a small image without a
# shell or package manager, as a non-root user. docs/deploy.md explains how it is deployed.
#
#   docker build -t execreport .
#   docker run --rm -v "$PWD/samples:/workspace" -e EXECREPORT_CONFIG=/workspace/execreport.yaml \
#     execreport batch --period 2026-10 --out /tmp/out
#
# The report fonts (Noto Sans with Arabic, Thai and Japanese, the default brand's) are built
# into the binary; a brand's own fonts come with its folder in the workspace.

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
# aws-lc-sys (TLS) builds with the image's gcc; SQLite is bundled. No OpenSSL.
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target \
    cargo build --release --locked --bin execreport \
 && cp target/release/execreport /usr/local/bin/execreport

# glibc, libgcc and CA certificates (for HTTPS to S3, SMTP and the live sources), nothing else;
# user 65532 "nonroot".
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /usr/local/bin/execreport /usr/local/bin/execreport
USER 65532:65532
WORKDIR /workspace
ENV EXECREPORT_CONFIG=/workspace/execreport.yaml
ENTRYPOINT ["/usr/local/bin/execreport"]
CMD ["batch", "--due"]
