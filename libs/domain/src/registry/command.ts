import type { CaseCommand } from '../case/case-commands';
import type { CredentialCommand } from '../credential/credential-commands';
import type { PathwayCommand } from '../pathway/pathway-commands';
import type { PortfolioCommand } from '../portfolio/portfolio-commands';
import type { RecognitionCommand } from '../recognition/recognition-commands';
import type { SupervisorCommand } from '../supervisor/supervisor-commands';
import type { TraineeCommand } from '../trainee/trainee-commands';
import type { ErasureCommand } from '../erasure/erasure-commands';

export type Command =
  | TraineeCommand
  | PortfolioCommand
  | CaseCommand
  | SupervisorCommand
  | PathwayCommand
  | CredentialCommand
  | RecognitionCommand
  | ErasureCommand;
export type CommandOf<K extends Command['type']> = Extract<Command, { type: K }>;
