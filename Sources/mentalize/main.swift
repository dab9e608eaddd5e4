import MentalizeApp

await MentalizeCommand.runFromCommandLine()
