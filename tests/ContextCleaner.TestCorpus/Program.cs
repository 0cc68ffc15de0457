using ContextCleaner.TestCorpus;

return CorpusCli.Run(args, Console.Out, Console.Error);
