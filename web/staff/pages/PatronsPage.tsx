import { useState } from 'preact/hooks';
import { PageHeading } from '../components/PageHeading';
import { PasswordIssueForm } from '../components/PasswordIssueForm';
import { PatronLookup } from '../components/PatronLookup';
import { RegisterPatronForm } from '../components/RegisterPatronForm';

let seq = 0;

/** 利用者: lookup (to the patron's page), registration and the internet password. */
export const PatronsPage = () => {
  const [preset, setPreset] = useState<{ cardNumber: string; seq: number } | undefined>();
  return (
    <>
      <PageHeading>利用者</PageHeading>
      <PatronLookup />
      <div class="two-col">
        <RegisterPatronForm onRegistered={(cardNumber) => setPreset({ cardNumber, seq: (seq += 1) })} />
        <PasswordIssueForm preset={preset} />
      </div>
    </>
  );
};
