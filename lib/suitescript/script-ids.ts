/** SDF script and deployment ids (CONTRACT.md §3) the code itself needs. */
export const USER_EVENT_DEPLOYMENT_ID = 'customdeploy_suitehooks_employee_ue';
