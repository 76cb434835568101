namespace RealtimeStack.Edge.Docker;

/// <summary>
/// The nginx container's inputs that Docker cannot change on a running container (the provider replaces it when
/// one of them changes). Everything else reaches the running container: nginx.conf and the certificate by reload.
/// </summary>
public sealed record ContainerIdentity(string Image, int HttpPort, int HttpsPort, int NofileLimit, int Somaxconn);
