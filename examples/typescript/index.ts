// A TypeScript program that creates the edge from the RealtimeStack component package.
//   pulumi package add ../../components/RealtimeStack.Provider   # once: generates @pulumi/realtime into sdks/
//   npm install && pulumi up
// The certificate comes from another resource: its Output is passed straight in, and stays secret.
import * as pulumi from "@pulumi/pulumi";
import * as tls from "@pulumi/tls";
import * as realtime from "@pulumi/realtime";

const config = new pulumi.Config();
const domain = config.get("domain") ?? "localhost";

const key = new tls.PrivateKey("edge-key", { algorithm: "ECDSA", ecdsaCurve: "P256" });
const certificate = new tls.SelfSignedCert("edge-cert", {
    privateKeyPem: key.privateKeyPem,
    subject: { commonName: domain },
    dnsNames: [domain],
    validityPeriodHours: 24 * 90,
    allowedUses: ["key_encipherment", "digital_signature", "server_auth"],
});

const edge = new realtime.RealtimeEdge("edge", {
    domain,
    mode: "docker",
    backendImage: "registry.example.com/realtime/backend:1.4.2",
    listen: { httpPort: 8080, httpsPort: 8443 },
    tls: { certificatePem: certificate.certPem, privateKeyPem: key.privateKeyPem },
    upstreams: {
        api: { servers: ["api-1:9000", "api-2:9001"] },
        sse: { servers: ["sse-1:9100"] },
        ws: { servers: ["ws-1:9200"] },
    },
    routes: { sse: { readTimeout: "2h" } },
});

export const publicUrl = edge.publicUrl;
export const serviceNames = edge.serviceNames;
