import {
  closeTeamReferral,
  claimTeamReferral,
  reassignTeamReferral,
} from "@/lib/actions/team-referrals";
import { CLOSING_OUTCOMES, RESOURCES_MAX_LENGTH } from "@/lib/counseling/team";
import { CLOSING_OUTCOME_LABELS } from "@/lib/counseling/team-labels";
import type { TeamReferral } from "@/lib/data/team-referral";
import { ActionForm } from "@/components/forms/action-form";
import { RadioGroup } from "@/components/forms/radio-group";
import { SelectField } from "@/components/forms/select-field";
import { TextareaField } from "@/components/forms/textarea-field";
import { Section } from "@/components/ui/section";
import { secondaryButtonClass, textClass } from "@/components/ui/styles";

/** Claim (anyone, while new), reassign (coordinators, until closed), close (holder or coordinator). */
export function ReferralActions({
  referral,
  coordinator,
}: {
  referral: TeamReferral;
  coordinator: boolean;
}) {
  const hidden = { referralId: referral.id };
  const canClose = referral.state === "CLAIMED" && (referral.claimedByMe || coordinator);
  return (
    <>
      {referral.state === "NEW" ? (
        <Section id="claim" title="Claim">
          <p className={textClass}>
            Claiming makes you the one counselor who writes to this person. It leaves the inbox for
            everyone else.
          </p>
          <ActionForm
            action={claimTeamReferral}
            hidden={hidden}
            submitLabel="Claim this referral"
          />
        </Section>
      ) : null}

      {coordinator && referral.state !== "CLOSED" ? (
        <Section id="reassign" title="Reassign">
          <ActionForm
            action={reassignTeamReferral}
            hidden={hidden}
            submitLabel="Reassign"
            submitClassName={secondaryButtonClass}
          >
            <SelectField
              label="Give this referral to"
              name="toUserId"
              placeholder="Choose a team member"
              options={referral.assignable.map((m) => ({ value: m.userId, label: m.name }))}
            />
          </ActionForm>
        </Section>
      ) : null}

      {canClose ? (
        <Section id="close" title="Close">
          <p className={textClass}>
            A first session still ahead is cancelled with it: the person, their partner and the
            counselor get a calendar cancellation.
          </p>
          <ActionForm
            action={closeTeamReferral}
            hidden={hidden}
            submitLabel="Close this referral"
            submitClassName={secondaryButtonClass}
          >
            <RadioGroup
              legend="How it ends"
              name="outcome"
              hint="The person sees this on their counseling page."
              choices={CLOSING_OUTCOMES.map((value) => ({
                value,
                label: CLOSING_OUTCOME_LABELS[value],
              }))}
            />
            <TextareaField
              label="Resources for the person"
              optional
              name="resources"
              rows={4}
              maxChars={RESOURCES_MAX_LENGTH}
              hint="For example, the service you referred them to and how to reach it. The person reads this; it is stored encrypted."
            />
          </ActionForm>
        </Section>
      ) : null}
    </>
  );
}
