using RealtimeStack.Cli;

return EdgeCommand.Run(args, Console.Out, Console.Error);
