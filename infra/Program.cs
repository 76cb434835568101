using RealtimeStack.Infra;

return await Pulumi.Deployment.RunAsync(EdgeProgram.Run);
