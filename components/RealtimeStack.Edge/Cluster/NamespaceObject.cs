namespace RealtimeStack.Edge.Cluster;

/// <summary>A namespace the stack owns (the edge's, and the controller's in each cluster mode): created and deleted with it.</summary>
public static class NamespaceObject
{
    public static CustomObject For(string name) => new("v1", "Namespace", name, null, ObjectMap.Of());
}
